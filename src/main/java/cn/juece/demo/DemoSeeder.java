package cn.juece.demo;

import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import cn.juece.proposal.ProposalService;
import cn.juece.drafting.Procedure;
import cn.juece.expert.ExpertInput;
import cn.juece.expert.ExpertLinkService;
import cn.juece.expert.ExpertPool;
import cn.juece.expert.ExpertReview;
import cn.juece.expert.ExpertReviewService;
import cn.juece.notification.Outbox;
import cn.juece.participation.EnterpriseConsultationService;
import cn.juece.participation.HearingService;
import cn.juece.participation.PublicCommentService;
import cn.juece.risk.AssessorOrganisation;
import cn.juece.risk.AssessorRegistry;
import cn.juece.risk.RiskRecords;
import cn.juece.workflow.TaskActions;
import cn.juece.workflow.TaskView;

/**
 * The demo profile's decisions: realistic county matters driven through the same services, rules and
 * audit trail as real work, each acted by the person whose role it is. Runs once, on an empty dossier,
 * after the organisation (10) and the calendar and periods (20) are seeded.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "juece.demo.enabled", havingValue = "true")
class DemoSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    private final DecisionService decisions;
    private final MaterialService materials;
    private final ArrangementService arrangements;
    private final TaskActions tasks;
    private final HearingService hearings;
    private final EnterpriseConsultationService enterprises;
    private final ProposalService proposals;
    private final DraftingService drafting;
    private final StepPeriods stepPeriods;
    private final cn.juece.calendar.Periods periods;
    private final PublicCommentService comments;
    private final AssessorRegistry assessors;
    private final RiskRecords risk;
    private final ExpertPool experts;
    private final ExpertReviewService reviews;
    private final ExpertLinkService expertLinks;
    private final Outbox outbox;
    private final org.springframework.beans.factory.ObjectProvider<cn.juece.legality.LegalityRecords> legality;
    private final org.springframework.beans.factory.ObjectProvider<cn.juece.meeting.MeetingRecords> meetings;

    DemoSeeder(org.springframework.beans.factory.ObjectProvider<cn.juece.legality.LegalityRecords> legality,
               org.springframework.beans.factory.ObjectProvider<cn.juece.meeting.MeetingRecords> meetings, DecisionService decisions, MaterialService materials, ArrangementService arrangements, TaskActions tasks,
               HearingService hearings, EnterpriseConsultationService enterprises, ProposalService proposals,
               DraftingService drafting, StepPeriods stepPeriods, PublicCommentService comments, AssessorRegistry assessors,
               RiskRecords risk, ExpertPool experts, ExpertReviewService reviews, ExpertLinkService expertLinks, Outbox outbox,
               cn.juece.calendar.Periods periods) {
        this.periods = periods;
        this.assessors = assessors;
        this.risk = risk;
        this.experts = experts;
        this.reviews = reviews;
        this.expertLinks = expertLinks;
        this.outbox = outbox;
        this.comments = comments;
        this.legality = legality;
        this.meetings = meetings;
        this.enterprises = enterprises;
        this.proposals = proposals;
        this.drafting = drafting;
        this.stepPeriods = stepPeriods;
        this.decisions = decisions;
        this.materials = materials;
        this.arrangements = arrangements;
        this.tasks = tasks;
        this.hearings = hearings;
    }

    /**
     * Two days past the earliest lawful end of a window opened today (Art. 20): 32 days on, or later when the 30th day
     * falls on a rest day — in December, a holiday of a year without a notice counts too (issue 16).
     */
    private java.time.LocalDate demoWindowEnd() {
        java.time.LocalDate today = java.time.LocalDate.now(cn.juece.support.AppClock.ZONE);
        java.time.LocalDate minimum = periods.end("COMMENT_WINDOW", today).plusDays(2);
        java.time.LocalDate usual = today.plusDays(32);
        return minimum.isAfter(usual) ? minimum : usual;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!decisions.list().isEmpty()) {
            return;
        }
        seedExpertPool();
        // At the study of a township's own proposal (Art. 11 (二))
        create("qqjd_lin", "清泉街道农贸市场迁建方案", "qqjd", ProposalSource.LOWER_GOVERNMENT, "清泉街道办事处", null);

        // Art. 64: 清泉街道 deciding its own matter as its own organ (numbers QQ-<year>-…): studied and launched by the
        // township's decision organ (its 党政办公室 clerk), now being drafted by its urban construction office
        String lanes = create("qq_cj", "清泉街道老旧街巷微改造实施方案", "qqcjb", ProposalSource.LEADER, "宋志刚（清泉街道办事处副主任）",
                Art3Category.ART3_6);
        as("qq_cj", () -> proposals.recordStudy(lanes, new ProposalService.StudyRequest("（演示）需要解决的主要问题", "（演示）理由和依据",
                "（演示）初步方案", "（演示）必要性", "（演示）可行性")));
        complete(lanes, "proposal-study", "qq_cj", MaterialType.STUDY_REPORT, "IN_SCOPE", "属于第三条所列决策事项");
        complete(lanes, "launch-decide", "qq_dzb", null, "LAUNCH", "清泉街道办事处主任办公会议决定启动");

        // Heating prices: drafted, now in public participation, expert review and risk assessment in parallel
        String heating = create("fgj_wang", "城区集中供热价格调整方案", "fgj", ProposalSource.LEADER, "李明华（常务副县长）", Art3Category.ART3_1);
        studyAndLaunch(heating, "fgj_wang");
        draft(heating, "fgj_wang", "fgj_legal", true, true, true);
        as("fgj_wang", () -> {
            var c = comments.publish(heating, new PublicCommentService.Notice(null,
                    "现将《城区集中供热价格调整方案（征求意见稿）》及起草说明全文公布，公开征求社会各界意见。请在截止日前通过本页提交意见，或来信寄至县发展和改革局价格股。",
                    List.of("冠县发布微信公众号", "冠县融媒体中心"), null, demoWindowEnd(), null, null));
            for (String text : List.of("建议对低保户、特困人员继续执行原价格，并提高补贴标准。", "供热质量不稳定，应先提高室温达标率再调价。",
                    "同意按成本监审结果调整，建议分两个采暖季逐步到位。")) {
                var o = comments.submit(c.id(), new PublicCommentService.Submission(null, null, false, text, null, null), false);
                comments.moderate(o.id(), true, null);
            }
            return null;
        });
        // its experts drawn and invited; two have accepted
        as("fgj_wang", () -> {
            reviews.arrange(heating, "MEETING", List.of("价格管理", "能源"), false, "冠县热力有限公司");
            reviews.drawPanel(heating, null);
            return reviews.inviteAll(heating);
        });
        links(heating).stream().limit(2).forEach(expertLinks::accept);

        // Art. 36: the third-party organisations the administrators keep; the heating prices' risk is assessed by one of them
        AssessorOrganisation firm = as("admin", () -> {
            var f = assessors.add(new AssessorRegistry.Entry("聊城衡信社会稳定风险评估咨询有限公司", "91371525MA3D8K2L76",
                    AssessorOrganisation.Kind.PROFESSIONAL, "李工", "0635-5123456",
                    "与县发展和改革局、县住房和城乡建设局无隶属关系和经济往来；近三年未承担本县供热、老旧小区改造项目的设计或施工", true));
            assessors.add(new AssessorRegistry.Entry("冠县公共政策研究会", "52371525MJE00012XY", AssessorOrganisation.Kind.SOCIAL_ORGANISATION,
                    "王秘书长", "0635-5234567", "无", true));
            return f;
        });
        as("fgj_wang", () -> {
            risk.nameAssessor(heating, new RiskRecords.AssessorRequest(null, "COMMISSIONED", firm.id(), "CONTRACT", "冠发改委〔2026〕7号",
                    java.time.LocalDate.now(cn.juece.support.AppClock.ZONE).minusDays(1), "城区集中供热价格调整方案社会稳定风险评估"));
            return risk.recordPlan(heating, new RiskRecords.PlanRequest("评估价格调整对居民、企业和供热单位的影响及风险可控性",
                    "城区集中供热价格调整方案（征求意见稿）", "《重大行政决策社会稳定风险评估办法》等", "走访、座谈、抽样调查、专家会商",
                    "委托后20日内完成调查研究和分析论证，30日内提交报告"));
        });

        // Old residential areas: at legality review by the justice bureau
        String renovation = create("zjj_sun", "老旧小区改造提升三年行动方案（2026—2028年）", "zjj", ProposalSource.NPC_DEPUTY, "县人大代表张某等5人", Art3Category.ART3_6);
        studyAndLaunch(renovation, "zjj_sun");
        draft(renovation, "zjj_sun", "zjj_legal", true, false, true);
        noHearing(renovation, "zjj_sun");
        complete(renovation, "participation-conduct", "zjj_sun", MaterialType.PARTICIPATION_REPORT, "COMPLETED", null);
        assessRisk(renovation, "zjj_sun");
        complete(renovation, "risk-assess", "zjj_sun", MaterialType.RISK_REPORT, "MEDIUM", null);
        complete(renovation, "risk-finding", "bgs_chen", null, "CONTROLLABLE", "风险评估报告结论为中风险，防范措施可行");
        submitForLegality(renovation, "zjj_sun", "县住房和城乡建设局2026年第3次局务会议");

        // School layout: reviewed and on the executive meeting's agenda
        String schools = create("jtj_zhou", "义务教育阶段学校布局调整规划", "jtj", ProposalSource.DEPARTMENT, "县教育和体育局", Art3Category.ART3_3);
        studyAndLaunch(schools, "jtj_zhou");
        draft(schools, "jtj_zhou", "jtj_legal", true, true, false);
        noHearing(schools, "jtj_zhou");
        complete(schools, "participation-conduct", "jtj_zhou", MaterialType.PARTICIPATION_REPORT, "COMPLETED", null);
        expertReview(schools, "jtj_zhou");
        shorten(schools, "expert-conduct", "jtj_head", "（演示）专家论证会已于资料送达后第三个工作日召开，专家书面意见已全部提交");
        complete(schools, "expert-conduct", "jtj_zhou", null, "COMPLETED", null);
        submitForLegality(schools, "jtj_zhou", "县教育和体育局2026年第4次局长办公会议");
        shorten(schools, "legality-review", "sfj_head", "（演示）秋季学期开学前须完成布局调整，县政府督办");
        passLegalityReview(schools);
        complete(schools, "legality-review", "sfj_liu", null, "PASSED", "经审查，决策草案合法");
        as("jtj_zhou", () -> {
            enterprises.answer(schools, false, "学校布局调整不涉及企业生产经营活动");
            return null;
        });
        complete(schools, "meeting-submit", "jtj_zhou", MaterialType.MEETING_REQUEST, "SUBMITTED", null);
        // The government office schedules the executive meeting and puts the school layout on its agenda (Art. 48, 49)
        as("bgs_chen", () -> {
            var m = meetings.getObject();
            var meeting = m.schedule("GX", "EXECUTIVE", "县政府第15次常务会议", java.time.LocalDate.now(cn.juece.support.AppClock.ZONE).plusDays(3),
                    "县政府三楼会议室");
            for (String member : List.of("xz_zhang", "fxz_li", "fxz_zhao", "fxz_qian")) {
                m.addAttendee(meeting.id(), "MEMBER", member, null, null);
            }
            m.addAttendee(meeting.id(), "PUBLIC", null, "（演示）学生家长代表王某", "清泉街道居民");
            m.addAttendee(meeting.id(), "MEDIA", null, "冠县融媒体中心", "新闻媒体");
            m.addAttendee(meeting.id(), "UNIT", null, "县教育和体育局", "决策承办单位");
            return m.addToAgenda(meeting.id(), schools);
        });

        // An out-of-scope proposal (Art. 3: fiscal policy is macro-control)
        String budget = create("cgj_he", "县级财政专项资金预算调整", "cgj", ProposalSource.DEPARTMENT, "县财政局", null);
        complete(budget, "proposal-study", "cgj_he", null, "OUT_OF_SCOPE", "属于财政政策等宏观调控决策，依第三条不适用本规定");
        complete(budget, "proposal-scope-confirm", "sfj_liu", null, "CONFIRMED", "同意，不适用本规定");
        SecurityContextHolder.clearContext();
        log.info("Demo decisions seeded");
    }

    /** A small expert pool (Art. 32), kept by the administrator. */
    private void seedExpertPool() {
        String[][] pool = {
                {"刘建华", "聊城大学经济学院", "教授", "INDUSTRY", "价格管理,财政金融"},
                {"王志刚", "市价格认证中心", "高级经济师", "INDUSTRY", "价格管理"},
                {"陈晓东", "市热力集团技术中心", "高级工程师", "INDUSTRY", "能源"},
                {"赵红梅", "省能源研究所", "研究员", "INDUSTRY", "能源,生态环境"},
                {"孙立新", "市消费者协会", "高级经济师", "INDUSTRY", "价格管理,社会保障"},
                {"周文静", "聊城大学教育科学学院", "教授", "INDUSTRY", "教育"},
                {"吴国庆", "市教育科学研究院", "研究员", "INDUSTRY", "教育"},
                {"郑秀兰", "市城乡规划设计研究院", "高级工程师", "INDUSTRY", "城乡建设,教育"},
                {"冯志远", "县第一中学", "高级教师", "INDUSTRY", "教育"},
                {"何明", "山东某律师事务所", "律师", "LEGAL", "法律"},
                {"许丽娟", "聊城大学法学院", "副教授", "LEGAL", "法律"},
                {"马俊", "市法学会", "研究员", "LEGAL", "法律"}};
        as("admin", () -> {
            int i = 0;
            for (String[] e : pool) {
                experts.create(new ExpertInput(e[0], e[1], e[2], e[3], "0635-82" + String.format("%05d", ++i),
                        "expert" + i + "@demo.example.cn", "（演示）无与决策事项的直接利害关系", List.of(), List.of(e[4].split(",")), true));
            }
            return null;
        });
    }

    /** The experts' signed links, as mailed through the outbox (the demo answers for them). */
    private List<String> links(String n) {
        long id = decisions.get(n).id();
        return outbox.forDecision(id).stream().filter(m -> "EXPERT_INVITATION".equals(m.kind()))
                .map(m -> m.link().substring(m.link().lastIndexOf('/') + 1)).toList();
    }

    /** Art. 30-35 through the real stage: arrangement, draw, invitations, answers, delivery, opinions, adoption, feedback. */
    private void expertReview(String n, String lead) {
        as(lead, () -> {
            reviews.arrange(n, "WRITTEN", List.of("教育"), false, null);
            reviews.drawPanel(n, null);
            return reviews.inviteAll(n);
        });
        List<String> tokens = links(n);
        tokens.forEach(t -> {
            expertLinks.accept(t);
            expertLinks.acceptConfidentiality(t);
        });
        as(lead, () -> {
            ExpertReview r = reviews.review(n).orElseThrow();
            long draft = materials.latest(decisions.get(n).id(), MaterialType.DRAFT).orElseThrow().id();
            long explanation = materials.latest(decisions.get(n).id(), MaterialType.DRAFTING_EXPLANATION).orElseThrow().id();
            return reviews.recordDelivery(n, java.time.LocalDate.now(cn.juece.support.AppClock.ZONE), List.of(draft, explanation),
                    r.accepted().stream().map(ExpertReview.Member::id).toList());
        });
        tokens.forEach(t -> expertLinks.submitOpinion(t, "（演示）学校布局调整有必要，可缓解城区学位紧张。", "（演示）学位预测方法科学。",
                "（演示）宜在暑期完成调整。", "（演示）部分学生通勤距离增加，配套校车后风险可控。", null));
        as(lead, () -> {
            for (ExpertReview.Member m : reviews.review(n).orElseThrow().accepted()) {
                reviews.decideAdoption(m.opinion().id(), "ADOPTED", "（演示）意见合理，已在草案中增加校车保障条款");
            }
            reviews.summarise(n, "（演示）专家一致认为布局调整必要、可行，建议配套校车和寄宿条件。");
            reviews.sendFeedback(n);
            return reviews.generateOpinionMaterial(n);
        });
    }

    private String create(String user, String title, String unit, ProposalSource source, String proposer, Art3Category category) {
        String channel = source == ProposalSource.NPC_DEPUTY ? "议案" : null;
        return as(user, () -> decisions.create(new NewDecision(title, "（演示）" + title, category, source, channel, proposer, unit, List.of())).number());
    }

    private void studyAndLaunch(String n, String lead) {
        as(lead, () -> proposals.recordStudy(n, new ProposalService.StudyRequest("（演示）需要解决的主要问题", "（演示）理由和依据",
                "（演示）初步方案", "（演示）必要性", "（演示）可行性")));
        complete(n, "proposal-study", lead, MaterialType.STUDY_REPORT, "IN_SCOPE", "属于第三条所列决策事项");
        complete(n, "launch-decide", "bgs_chen", null, "LAUNCH", "县政府第12次常务会议决定启动");
    }

    private void draft(String n, String lead, String legal, boolean participation, boolean expert, boolean risk) {
        upload(n, lead, MaterialType.DRAFT);
        as(lead, () -> {
            drafting.recordDrafter(n, DraftingRecord.DrafterMode.SELF, null);
            return drafting.answerQuestions(n, false, false);
        });
        complete(n, "drafting-draft", lead, MaterialType.DRAFTING_EXPLANATION, "SUBMITTED", null);
        as(legal, () -> {
            drafting.recordLegalOpinion(n, DraftingRecord.LegalVoice.LEGAL_ADVISER, "（演示）法律顾问", "（演示）未发现违法内容");
            return drafting.recordLegalOpinion(n, DraftingRecord.LegalVoice.PUBLIC_LAWYER, "（演示）公职律师", "（演示）未发现违法内容");
        });
        complete(n, "drafting-initial-review", legal, MaterialType.INITIAL_REVIEW_OPINION, "PASSED", "已听取法律顾问和公职律师意见");
        as(lead, () -> {
            arrangements.record(n, Procedure.PARTICIPATION, participation, participation ? null : "STATE_SECRET",
                    participation ? null : "草案涉及国家秘密，依法不予公开（第十七条）");
            arrangements.record(n, Procedure.EXPERT, expert, expert ? null : "NOT_TECHNICAL",
                    expert ? null : "不涉及专业性、技术性较强的问题，已在起草说明中说明");
            arrangements.record(n, Procedure.RISK, risk, risk ? null : "NO_ADVERSE_IMPACT",
                    risk ? null : "不会对经济、社会稳定、公共安全、生态环境造成不利影响");
            return null;
        });
        complete(n, "drafting-arrangements", lead, null, "CONFIRMED", null);
    }

    /** Art. 36-39: the unit assesses the risk itself: plan, visits, every kind analysed, a medium level, measures. */
    private void assessRisk(String n, String lead) {
        var today = java.time.LocalDate.now(cn.juece.support.AppClock.ZONE);
        as(lead, () -> {
            risk.nameAssessor(n, new RiskRecords.AssessorRequest(null, "SELF", null, null, null, null, null));
            risk.recordPlan(n, new RiskRecords.PlanRequest("评估改造方案实施中的社会稳定和施工安全风险", "老旧小区改造提升三年行动方案（2026—2028年）",
                    null, "入户走访、座谈会、问卷调查、部门会商", "10个工作日内完成"));
            risk.recordInvestigation(n, new RiskRecords.InvestigationRequest("VISIT", "东关小区业主委员会及物业服务企业", today.minusDays(3), true, false,
                    "希望分楼栋施工，保障老人出行", "ADOPTED", null));
            risk.recordInvestigation(n, new RiskRecords.InvestigationRequest("VISIT", "东关小区独居老人、残疾人家庭（社区陪同入户）", today.minusDays(2),
                    false, true, "担心施工期间上下楼困难", "ADOPTED", null));
            risk.recordAnalysis(n, "SOCIAL_STABILITY", new RiskRecords.AnalysisRequest(true, "加装电梯意见分歧可能引发邻里纠纷", "MEDIUM", "MEDIUM", "MEDIUM", null));
            risk.recordAnalysis(n, "PUBLIC_SAFETY", new RiskRecords.AnalysisRequest(true, "施工期间高空坠物、管线破损", "LOW", "MEDIUM", "LOW", null));
            for (String kind : List.of("ECOLOGY", "FISCAL_FINANCIAL", "PUBLIC_OPINION", "OTHER")) {
                risk.recordAnalysis(n, kind, new RiskRecords.AnalysisRequest(false, null, null, null, null,
                        "经分析论证，改造方案不涉及此类风险（演示）"));
            }
            risk.recordLevel(n, new RiskRecords.LevelRequest("MEDIUM", true, "落实分楼栋施工和入户帮扶后风险可控"));
            return risk.recordMeasures(n, new RiskRecords.MeasuresRequest("分楼栋施工；设立居民议事会协商加装电梯；施工围挡和巡查",
                    "成立现场应急小组，发生纠纷或安全事故时30分钟内到场处置并报告"));
        });
    }

    /** Art. 41, 42: the materials, the unit's office meeting, the attestation, then the submission. */
    private void submitForLegality(String n, String lead, String officeMeeting) {
        upload(n, lead, MaterialType.LEGALITY_REQUEST);
        upload(n, lead, MaterialType.LEGAL_BASIS);
        as(lead, () -> {
            legality.getObject().recordOfficeMeeting(n, java.time.LocalDate.now(cn.juece.support.AppClock.ZONE), officeMeeting, "（演示）");
            return legality.getObject().attest(n, null);
        });
        complete(n, "legality-submit", lead, null, "SUBMITTED", null);
    }

    /** Art. 43-46: the justice bureau's record, the opinion letter generated from it, the head's sign-off. */
    private void passLegalityReview(String n) {
        as("sfj_liu", () -> {
            var l = legality.getObject();
            l.recordReview(n, new cn.juece.legality.LegalityRecords.ReviewInput("（演示）赵律师", "（演示）未发现违法内容。",
                    "（演示）钱律师", "（演示）程序完备，内容合法。", "书面审查", "（演示）承办单位报送的第四十二条材料齐全。", "PASSED", "冠司审〔2026〕1号"));
            for (String point : List.of("AUTHORITY", "PROCEDURE", "CONTENT")) {
                l.recordPoint(n, point, "COMPLIANT", "（演示）符合规定");
            }
            l.recordPoint(n, "OTHER", "NOT_APPLICABLE", null);
            return l.generateLetter(n);
        });
        as("sfj_head", () -> legality.getObject().signOff(n));
    }

    private void noHearing(String n, String lead) {
        as(lead, () -> {
            hearings.recordRequirement(n, false, List.of(), "不存在第二十二条所列情形，已通过座谈会和公开征求意见听取意见");
            return null;
        });
    }

    private void complete(String n, String taskKey, String user, MaterialType material, String outcome, String reason) {
        if (material != null) {
            upload(n, user, material);
        }
        as(user, () -> {
            TaskView task = tasks.openTasks(decisions.get(n)).stream().filter(t -> t.taskKey().equals(taskKey)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("demo: no open task " + taskKey + " for " + n));
            tasks.complete(task.id(), outcome, reason);
            return null;
        });
    }

    /** A demo decision runs in one day: the unit's head approves shortening the "一般" minimum (DECISIONS.md 12). */
    private void shorten(String n, String taskKey, String head, String reason) {
        as(head, () -> {
            TaskView task = tasks.openTasks(decisions.get(n)).stream().filter(t -> t.taskKey().equals(taskKey)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("demo: no open task " + taskKey + " for " + n));
            return stepPeriods.shorten(task.id(), reason);
        });
    }

    private void upload(String n, String user, MaterialType type) {
        DemoActs.upload(materials, n, user, type);
    }

    private static <T> T as(String user, Supplier<T> act) {
        return DemoActs.as(user, act);
    }
}
