package cn.juece.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.juece.IntegrationTest;
import cn.juece.LifecycleDriver;
import cn.juece.decision.DecisionService;
import cn.juece.support.AppClock;
import cn.juece.support.StaffBrowser;

/**
 * The home page's 期限变更提示 (issue 16) is a short list (issue 17): a holiday notice can move the deadlines of thousands
 * of a unit's open steps, and the page lists the newest twenty, says that there are more and where they are, and is
 * not made of all of them.
 */
class HomePageDeadlineChangesTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DecisionService decisions;
    @Autowired
    AppClock clock;

    @Test
    void theHomePageListsTheNewestTwentyChangesAndSaysThereAreMore() {
        LifecycleDriver d = driver();
        String number = d.create("变更提示列表上限测试事项");
        long id = decisions.get(number).id();
        String group = jdbc.sql("SELECT responsible_group FROM juece.step WHERE decision_id = ? AND responsible_group IS NOT NULL")
                .param(id).query(String.class).list().get(0);
        String user = LifecycleDriver.LEAD;
        try {
            insert(id, group, 1, 20);
            String home = StaffBrowser.signIn(port, user, PASSWORD).get("/");
            assertThat(count(home, "上限测试第")).isEqualTo(20);
            assertThat(home).doesNotContain("只列出最近");

            insert(id, group, 21, 25);
            home = StaffBrowser.signIn(port, user, PASSWORD).get("/");
            // the newest twenty (25 … 6), and a note that says where the rest are
            assertThat(count(home, "上限测试第")).isEqualTo(20);
            assertThat(home).contains("上限测试第25条", "上限测试第6条").doesNotContain("上限测试第5条")
                    .contains("只列出最近20条；其余变更见各决策事项页面的“按节假日安排重新计算的期限”。");
        } finally {
            jdbc.sql("DELETE FROM juece.deadline_change WHERE decision_id = ?").param(id).update();
        }
    }

    private void insert(long decisionId, String group, int from, int to) {
        for (int i = from; i <= to; i++) {
            jdbc.sql("""
                    INSERT INTO juece.deadline_change (decision_id, holiday_year, subject_kind, subject, responsible_group, before_on,
                                                       after_on, changed, detail, changed_at)
                    VALUES (?, 2027, 'STEP', ?, ?, DATE '2027-01-08', DATE '2027-01-11', TRUE, ?, ?)""")
                    .params(decisionId, "task-" + i, group, "上限测试第" + i + "条：由2027年1月8日改为2027年1月11日", clock.now())
                    .update();
        }
    }

    private static long count(String html, String text) {
        return Pattern.compile(Pattern.quote(text)).matcher(html).results().count();
    }
}
