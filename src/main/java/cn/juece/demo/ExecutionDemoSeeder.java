package cn.juece.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import cn.juece.deadline.StepPeriods;
import cn.juece.decision.Art3Category;
import cn.juece.decision.DecisionService;
import cn.juece.decision.NewDecision;
import cn.juece.decision.ProposalSource;
import cn.juece.dossier.MaterialService;
import cn.juece.dossier.MaterialType;
import cn.juece.drafting.ArrangementService;
import cn.juece.drafting.DraftingRecord;
import cn.juece.drafting.DraftingService;
import cn.juece.drafting.Procedure;
import cn.juece.execution.ExecutionPlan;
import cn.juece.execution.ExecutionReports;
import cn.juece.legality.LegalityRecords;
import cn.juece.meeting.MeetingRecords;
import cn.juece.participation.EnterpriseConsultationService;
import cn.juece.participation.HearingService;
import cn.juece.proposal.ProposalService;
import cn.juece.publication.PublicationRecords;
import cn.juece.support.AppClock;
import cn.juece.workflow.TaskActions;
import cn.juece.workflow.TaskView;

/**
 * The demo profile's published decision in execution (issue 14), so that a citizen finds a decision on the portal's
 * 决策公布 page with its execution section: a waste-sorting plan driven through the same services and rules as real
 * work — drafted, consulted, reviewed for legality (the opinion letter generated and signed off), decided at the
 * executive meeting (its record and minutes), issued and published (the notice and the adoption summary
 * generated), then divided between two execution units, one of which has reported a quarter's progress that the
 * organ published. Runs once, after the demo decisions (DemoSeeder) and before the catalogue.
 */
@Component
@Order(32)
@ConditionalOnProperty(name = "juece.demo.enabled", havingValue = "true")
class ExecutionDemoSeeder implements ApplicationRunner {

    static final String TITLE = "城区生活垃圾分类实施方案";
    private static final Logger log = LoggerFactory.getLogger(ExecutionDemoSeeder.class);

    private final DecisionService decisions;
    private final MaterialService materials;
    private final ArrangementService arrangements;
    private final TaskActions tasks;
    private final HearingService hearings;
    private final EnterpriseConsultationService enterprises;
    private final ProposalService proposals;
    private final DraftingService drafting;
    private final StepPeriods stepPeriods;
    private final ObjectProvider<LegalityRecords> legality;
    private final ObjectProvider<MeetingRecords> meetings;
    private final ObjectProvider<PublicationRecords> publication;
    private final ObjectProvider<ExecutionPlan> plans;
    private final ObjectProvider<ExecutionReports> reports;

    ExecutionDemoSeeder(DecisionService decisions, MaterialService materials, ArrangementService arrangements, TaskActions tasks,
                        HearingService hearings, EnterpriseConsultationService enterprises, ProposalService proposals,
                        DraftingService drafting, StepPeriods stepPeriods, ObjectProvider<LegalityRecords> legality,
                        ObjectProvider<MeetingRecords> meetings, ObjectProvider<PublicationRecords> publication,
                        ObjectProvider<ExecutionPlan> plans, ObjectProvider<ExecutionReports> reports) {
        this.decisions = decisions;
        this.materials = materials;
        this.arrangements = arrangements;
        this.tasks = tasks;
        this.hearings = hearings;
        this.enterprises = enterprises;
        this.proposals = proposals;
        this.drafting = drafting;
        this.stepPeriods = stepPeriods;
        this.legality = legality;
        this.meetings = meetings;
        this.publication = publication;
        this.plans = plans;
        this.reports = reports;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (decisions.list().stream().anyMatch(d -> d.title().equals(TITLE))) {
            return;
        }
        seedPublishedInExecution();
        SecurityContextHolder.clearContext();
        log.info("Demo decision in execution seeded");
    }

    private void seedPublishedInExecution() {
        LocalDate today = LocalDate.now(AppClock.ZONE);
        String n = as("zjj_sun", () -> decisions.create(new NewDecision(TITLE, "（演示）" + TITLE + "：城区居民小区、机关单位和公共场所推行生活垃圾四分类",
                Art3Category.ART3_1, ProposalSource.DEPARTMENT, null, "县住房和城乡建设局", "zjj", List.of())).number());
        // Art. 10-12: studied and launched
        as("zjj_sun", () -> proposals.recordStudy(n, new ProposalService.StudyRequest("（演示）城区生活垃圾混合收运，填埋场库容紧张",
                "（演示）《中华人民共和国固体废物污染环境防治法》第四十九条", "（演示）分区域、分阶段推行四分类", "（演示）必要性", "（演示）可行性")));
        complete(n, "proposal-study", "zjj_sun", MaterialType.STUDY_REPORT, "IN_SCOPE", "属于第三条所列决策事项");
        complete(n, "launch-decide", "bgs_chen", null, "LAUNCH", "县政府第12次常务会议决定启动");
        // Art. 13-16: drafted by the unit itself, the legal voices heard; public participation, no expert review or risk assessment
        upload(n, "zjj_sun", MaterialType.DRAFT);
        as("zjj_sun", () -> {
            drafting.recordDrafter(n, DraftingRecord.DrafterMode.SELF, null);
            return drafting.answerQuestions(n, false, false);
        });
        complete(n, "drafting-draft", "zjj_sun", MaterialType.DRAFTING_EXPLANATION, "SUBMITTED", null);
        as("zjj_legal", () -> {
            drafting.recordLegalOpinion(n, DraftingRecord.LegalVoice.LEGAL_ADVISER, "（演示）法律顾问", "（演示）未发现违法内容");
            return drafting.recordLegalOpinion(n, DraftingRecord.LegalVoice.PUBLIC_LAWYER, "（演示）公职律师", "（演示）未发现违法内容");
        });
        complete(n, "drafting-initial-review", "zjj_legal", MaterialType.INITIAL_REVIEW_OPINION, "PASSED", "已听取法律顾问和公职律师意见");
        as("zjj_sun", () -> {
            arrangements.record(n, Procedure.PARTICIPATION, true, null, null);
            arrangements.record(n, Procedure.EXPERT, false, "NOT_TECHNICAL", "不涉及专业性、技术性较强的问题，已在起草说明中说明");
            arrangements.record(n, Procedure.RISK, false, "NO_ADVERSE_IMPACT", "不会对经济、社会稳定、公共安全、生态环境造成不利影响");
            return null;
        });
        complete(n, "drafting-arrangements", "zjj_sun", null, "CONFIRMED", null);
        as("zjj_sun", () -> {
            hearings.recordRequirement(n, false, List.of(), "不存在第二十二条所列情形，已通过座谈会和入户走访听取意见");
            return null;
        });
        complete(n, "participation-conduct", "zjj_sun", MaterialType.PARTICIPATION_REPORT, "COMPLETED", null);
        // Art. 41-47: submitted, reviewed, the opinion letter generated and signed off
        upload(n, "zjj_sun", MaterialType.LEGALITY_REQUEST);
        upload(n, "zjj_sun", MaterialType.LEGAL_BASIS);
        as("zjj_sun", () -> {
            legality.getObject().recordOfficeMeeting(n, today, "县住房和城乡建设局2026年第2次局务会议", "（演示）");
            return legality.getObject().attest(n, null);
        });
        complete(n, "legality-submit", "zjj_sun", null, "SUBMITTED", null);
        as("sfj_head", () -> {
            TaskView task = open(n, "legality-review");
            return stepPeriods.shorten(task.id(), "（演示）垃圾分类列入县政府年度重点工作，须在年内启动实施");
        });
        as("sfj_liu", () -> {
            var l = legality.getObject();
            l.recordReview(n, new LegalityRecords.ReviewInput("（演示）赵律师", "（演示）未发现违法内容。", "（演示）钱律师",
                    "（演示）程序完备，内容合法。", "书面审查", "（演示）承办单位报送的第四十二条材料齐全。", "PASSED", "冠司审〔2026〕2号"));
            for (String point : List.of("AUTHORITY", "PROCEDURE", "CONTENT")) {
                l.recordPoint(n, point, "COMPLIANT", "（演示）符合规定");
            }
            l.recordPoint(n, "OTHER", "NOT_APPLICABLE", null);
            return l.generateLetter(n);
        });
        as("sfj_head", () -> legality.getObject().signOff(n));
        complete(n, "legality-review", "sfj_liu", null, "PASSED", "经审查，决策草案合法");
        // Art. 48-50: submitted to the executive meeting, discussed and decided, the minutes generated
        as("zjj_sun", () -> {
            enterprises.answer(n, false, "垃圾分类实施方案不涉及企业生产经营活动的市场准入和经营规则");
            return null;
        });
        complete(n, "meeting-submit", "zjj_sun", MaterialType.MEETING_REQUEST, "SUBMITTED", null);
        String meetingName = "县政府第14次常务会议";
        as("bgs_chen", () -> {
            var m = meetings.getObject();
            var meeting = m.schedule("GX", "EXECUTIVE", meetingName, today, "县政府三楼会议室");
            for (String member : List.of("xz_zhang", "fxz_li", "fxz_zhao", "fxz_qian")) {
                m.addAttendee(meeting.id(), "MEMBER", member, null, null);
            }
            m.addAttendee(meeting.id(), "PUBLIC", null, "（演示）居民代表刘某", "清泉街道居民");
            var item = m.addToAgenda(meeting.id(), n);
            m.recordExplanations(item.id(), "（演示）县住房和城乡建设局说明方案的背景、主要内容和征求意见情况",
                    "（演示）县司法局说明：经审查，方案合法");
            for (String member : List.of("fxz_li", "fxz_zhao", "fxz_qian")) {
                m.recordView(item.id(), member, "AGREE", "（演示）同意方案");
            }
            m.recordHeadDecision(item.id(), "APPROVED", "（演示）按会议意见办理", null);
            return m.generateMinutes(item.id());
        });
        complete(n, "meeting-decide", "xz_zhang", null, "APPROVED", meetingName);
        // Art. 51, 52: issued and published, the notice and the summary of the opinions' adoption generated
        upload(n, "bgs_chen", MaterialType.DECISION_DOCUMENT);
        as("bgs_chen", () -> publication.getObject().recordIssuance(n, new PublicationRecords.IssuanceInput(today, "冠政请〔2026〕6号",
                "NONE", null, null, "冠政发〔2026〕9号", today)));
        complete(n, "publication-party-report", "bgs_chen", null, "ISSUED", null);
        as("bgs_chen", () -> {
            var p = publication.getObject();
            p.recordPublication(n, new PublicationRecords.PublicationInput("《冠县人民政府公报》2026年第7期",
                    "http://www.guanxian.gov.cn/zwgk/ljfl.html", "冠县发布", null,
                    "《中华人民共和国固体废物污染环境防治法》第四十九条；《山东省生活垃圾管理条例》", null, null));
            return p.generateNotice(n);
        });
        complete(n, "publication-publish", "bgs_chen", null, "PUBLISHED", "县政府网站、县政府公报");
        as("zjj_sun", () -> publication.getObject().generateAdoptionSummary(n));
        complete(n, "publication-feedback", "zjj_sun", null, "PUBLISHED", "县政府网站决策公开专栏");
        // Art. 53: two execution units, quarterly reports; the lead unit's first report, published by the organ
        as("bgs_chen", () -> {
            var p = plans.getObject();
            p.nameUnit(n, "zjj", "牵头组织实施：建设分类收集设施和转运站，指导小区分类投放", today.plusYears(1));
            p.nameUnit(n, "qqjd", "组织辖区居民小区和沿街商户分类投放，配备督导员", today.plusYears(1));
            return p.setCycle(n, "QUARTERLY", today.plusMonths(1));
        });
        complete(n, "execution-assign", "bgs_chen", null, "ASSIGNED", meetingName + "明确执行分工");
        var reported = as("zjj_sun", () -> reports.getObject().report(n, "zjj",
                "（演示）已完成城区42个居民小区分类收集容器配置和2座转运站改造，分类投放知晓率达到85%", false, true));
        as("bgs_chen", () -> reports.getObject().publish(n, reported.id(),
                "城区42个居民小区已配置分类收集容器，2座转运站改造完成；居民分类投放知晓率85%。下一阶段将在机关单位和沿街商户推行。"));
    }

    private TaskView open(String n, String taskKey) {
        return tasks.openTasks(decisions.get(n)).stream().filter(t -> t.taskKey().equals(taskKey)).findFirst()
                .orElseThrow(() -> new IllegalStateException("demo: no open task " + taskKey + " for " + n));
    }

    private void complete(String n, String taskKey, String user, MaterialType material, String outcome, String reason) {
        if (material != null) {
            upload(n, user, material);
        }
        as(user, () -> {
            tasks.complete(open(n, taskKey).id(), outcome, reason);
            return null;
        });
    }

    private void upload(String n, String user, MaterialType type) {
        DemoActs.upload(materials, n, user, type);
    }

    private static <T> T as(String user, Supplier<T> act) {
        return DemoActs.as(user, act);
    }
}
