package cn.juece.risk;

import static cn.juece.LifecycleDriver.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.juece.IntegrationTest;
import cn.juece.support.AppClock;
import cn.juece.support.StaffBrowser;

/**
 * The risk page (Art. 36-40) as the people who use it: the other unit named as assessor works its records there (a
 * refusal comes back on the page with its message and code), the lead unit names the assessor there but cannot write
 * the assessor's records, and a clerk of an unrelated unit gets exactly what an unknown number gets.
 */
class RiskPageTest extends IntegrationTest {

    @Test
    void theAssessorWorksOnTheRiskPageAndAnUnrelatedClerkSeesNothing() {
        var d = driver();
        String n = d.create("县城区停车设施建设规划（风险评估页面）");
        d.study(n);
        d.launch(n);
        d.draft(n, false, false, true);
        String page = "/decisions/" + n + "/risk";
        String unrelatedBefore = new StaffBrowser(port, RiskAssessmentTest.OTHER, PASSWORD).get(page);
        assertThat(unrelatedBefore).contains("DECISION_NOT_FOUND").doesNotContain("县城区停车设施建设规划");

        // the lead unit names the other unit on the page; the dossier links to the page
        var lead = new StaffBrowser(port, LEAD, PASSWORD);
        assertThat(lead.get("/decisions/" + n)).contains(page, "风险评估：评估单位、工作方案、调查研究、分析论证、风险等级、评估报告");
        String leadPage = lead.get(page);
        assertThat(leadPage).contains("风险评估单位（第三十六条）", "确定评估单位", "委托单位（承办单位或其他单位）仍是系统中的办理单位",
                "第三方评估机构名录");
        assertThat(lead.post(page, page + "/assessor", Map.of("unit", "zrj", "mode", "SELF"))).endsWith(page + "#assessor");

        // the assessor: sees the page with its forms, records the plan, is refused on the page in Chinese with the code
        var assessor = new StaffBrowser(port, RiskAssessmentTest.OTHER, PASSWORD);
        String html = assessor.get(page);
        assertThat(html).contains("县自然资源局（负责风险评估工作的其他单位），自行评估", "第1轮评估进行中", "制定方案",
                "RISK_PLAN_MISSING", "评估工作方案（第三十八条第一项）", "社会稳定风险", "财政金融风险");
        assertThat(assessor.post(page, page + "/plan", Map.of("scope", "停车设施建设规划（草案）", "methods", "走访、问卷、会商",
                "schedule", "两周内完成"))).endsWith(page + "#plan");
        assertThat(assessor.post(page, page + "/analyses/SOCIAL_STABILITY", Map.of("relevant", "true", "risks", "占道施工",
                "likelihood", "LOW", "impact", "LOW", "level", "LOW"))).contains(page);
        html = assessor.get(page);
        assertThat(html).contains("停车设施建设规划（草案）", "修改方案", "对受决策事项影响较大的单位、有特殊困难的群体进行重点走访",
                "（RISK_INVESTIGATION_INCOMPLETE）");
        String today = LocalDate.now(AppClock.ZONE).toString();
        assessor.post(page, page + "/investigations", Map.of("method", "VISIT", "visited", "沿街商户", "heldOn", today,
                "mostAffected", "true", "opinions", "施工期间保留出入口", "adoption", "ADOPTED"));
        assessor.post(page, page + "/investigations", Map.of("method", "VISIT", "visited", "社区残疾人家庭", "heldOn", today,
                "specialDifficulty", "true", "opinions", "保留无障碍车位", "adoption", "ADOPTED"));
        for (String kind : new String[]{"SOCIAL_STABILITY", "PUBLIC_SAFETY", "ECOLOGY", "FISCAL_FINANCIAL", "PUBLIC_OPINION", "OTHER"}) {
            assessor.post(page, page + "/analyses/" + kind, kind.equals("PUBLIC_SAFETY")
                    ? Map.of("relevant", "true", "risks", "施工期间交通事故", "likelihood", "MEDIUM", "impact", "MEDIUM", "level", "MEDIUM")
                    : Map.of("relevant", "false", "reason", "经分析论证，规划不涉及此类风险情形"));
        }
        assessor.post(page, page + "/level", Map.of("level", "MEDIUM", "controllable", "true"));
        assessor.post(page, page + "/measures", Map.of("measures", "分段施工，设置临时停车点", "contingencyPlan", "发生拥堵时交警现场疏导"));
        d.upload(RiskAssessmentTest.OTHER, n, "RISK_REPORT");
        html = assessor.get(page);
        assertThat(html).contains("沿街商户", "受影响较大的单位", "有特殊困难的群体", "施工期间交通事故", "中风险", "评估结论：风险可控",
                "分段施工，设置临时停车点", "risk_report.docx", "已具备").doesNotContain("办结前尚缺");

        // the lead unit reads it all, but writes none of the assessor's records
        leadPage = lead.get(page);
        assertThat(leadPage).contains("施工期间交通事故", "确定评估单位").doesNotContain("修改方案", ">记录<");
        String refused = lead.post(page, page + "/plan", Map.of("scope", "x", "methods", "y", "schedule", "z"));
        assertThat(refused).contains(page);
        assertThat(lead.get(page)).contains("NOT_RISK_ASSESSOR", "由县自然资源局办理（第三十八条）");

        // a clerk of an unrelated unit: exactly the answer an unknown number gets
        var unrelated = new StaffBrowser(port, "jtj_zhou", PASSWORD);
        String seen = unrelated.get(page);
        String none = unrelated.get(page.replace(n, "GX-2099-9999"));
        String csrf = "name=\"_csrf\" value=\"[^\"]*\"";
        assertThat(seen.replace(n, "X").replaceAll(csrf, "")).isEqualTo(none.replace("GX-2099-9999", "X").replaceAll(csrf, ""))
                .contains("DECISION_NOT_FOUND");
        assertThat(seen).doesNotContain("县城区停车设施建设规划", "沿街商户");
        assertThat(d.as("jtj_zhou").get("/api/decisions/" + n + "/risk").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void theRegistryPageIsKeptByAdministratorsAndReadByStaff() {
        String code = RiskAssessmentTest.creditCode();
        var admin = new StaffBrowser(port, "admin", PASSWORD);
        assertThat(admin.post("/admin/assessors", "/admin/assessors", Map.of("name", "冠县社会风险研究中心（页面）", "creditCode", code,
                "kind", "SOCIAL_ORGANISATION", "contactPerson", "孙主任", "contactPhone", "0635-5000002", "declaredTies", "无")))
                .endsWith("/admin/assessors");
        String html = admin.get("/admin/assessors");
        assertThat(html).contains("冠县社会风险研究中心（页面）", code, "社会组织", "可委托", "停用", "第三方评估机构名录增加");
        var clerk = new StaffBrowser(port, LEAD, PASSWORD);
        assertThat(clerk.get("/admin/assessors")).contains("冠县社会风险研究中心（页面）").doesNotContain(">登记<");
        clerk.post("/admin/assessors", "/admin/assessors", Map.of("name", "自行登记的机构", "creditCode", RiskAssessmentTest.creditCode(),
                "kind", "OTHER", "contactPerson", "x", "contactPhone", "1"));
        assertThat(clerk.get("/admin/assessors")).contains("RISK_ORGANISATION_ADMIN_ONLY").doesNotContain("自行登记的机构");
        assertThat(new String(code.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).hasSize(18);
    }
}
