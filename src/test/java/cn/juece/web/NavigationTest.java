package cn.juece.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.juece.IntegrationTest;
import cn.juece.support.StaffBrowser;

/**
 * The staff menu offers only what the person may open (issue 11): every entry it shows opens, every page it hides
 * refuses the person, for the demo organisation's roles.
 */
class NavigationTest extends IntegrationTest {

    private static final Map<String, String> ENTRIES = new LinkedHashMap<>();

    static {
        ENTRIES.put("公众建议", "/proposals");
        ENTRIES.put("监督统计", "/supervision");
        ENTRIES.put("邮件发件箱", "/admin/mail");
        ENTRIES.put("任务列表（Tasklist）", "/camunda/app/tasklist/default/");
        ENTRIES.put("流程监控（Cockpit）", "/camunda/app/cockpit/default/");
    }

    /** Who sees which of the entries above; everyone signed in also sees the common ones. */
    private static final Map<String, List<String>> EXPECTED = Map.of(
            "fgj_wang", List.of("任务列表（Tasklist）"),                                  // lead unit's clerk
            "fgj_head", List.of("任务列表（Tasklist）"),                                  // its head
            "sfj_liu", List.of("监督统计", "任务列表（Tasklist）", "流程监控（Cockpit）"),     // justice bureau
            "bgs_chen", List.of("公众建议", "监督统计", "任务列表（Tasklist）", "流程监控（Cockpit）"), // office, decision organ
            "xz_zhang", List.of("公众建议", "监督统计", "任务列表（Tasklist）", "流程监控（Cockpit）"), // executive head
            "fxz_li", List.of("监督统计", "任务列表（Tasklist）", "流程监控（Cockpit）"),       // government member
            "admin", List.of("公众建议", "监督统计", "邮件发件箱", "任务列表（Tasklist）", "流程监控（Cockpit）"));

    @Test
    void eachRoleIsOfferedWhatItMayOpenAndNothingElse() {
        EXPECTED.forEach((user, expected) -> {
            StaffBrowser browser = new StaffBrowser(port, user, PASSWORD);
            String home = browser.get("/");
            String nav = home.substring(home.indexOf("<nav aria-label=\"主导航\">"), home.indexOf("</nav>"));
            assertThat(nav).as(user).contains("我的待办", "决策事项", "登记决策事项建议", "年度目录", "节假日与期限", "接口文档");
            ENTRIES.forEach((label, path) -> {
                if (expected.contains(label)) {
                    assertThat(nav).as(user + " is offered " + label).contains(">" + label + "<");
                } else {
                    assertThat(nav).as(user + " is not offered " + label).doesNotContain(label);
                }
            });
            // a hidden page of ours refuses the person (the webapps answer for themselves)
            for (String hidden : List.of("/proposals", "/supervision", "/admin/mail")) {
                String label = ENTRIES.entrySet().stream().filter(e -> e.getValue().equals(hidden)).findFirst().orElseThrow().getKey();
                String page = browser.get(hidden);
                if (expected.contains(label)) {
                    assertThat(page).as(user + " opens " + hidden).doesNotContain("<h1>无权访问</h1>");
                } else {
                    assertThat(page).as(user + " is refused " + hidden).contains("<h1>无权访问</h1>");
                }
            }
        });
    }
}
