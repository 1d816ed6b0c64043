package cn.juece.document;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Values of an imagined matter, for previewing a template (never stored). */
final class SampleValues {

    private SampleValues() {
    }

    static Map<String, Object> of(DocumentKind kind) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("decisionTitle", "城区集中供热价格调整方案");
        v.put("decisionNumber", "GX-2026-0001");
        v.put("leadUnit", "县发展和改革局");
        v.put("justiceUnit", "冠县司法局");
        v.put("officeUnit", "冠县人民政府办公室");
        v.put("organName", "冠县人民政府");
        v.put("date", "2026年11月23日");
        switch (kind) {
            case LEGALITY_OPINION -> {
                v.put("letterNumber", "冠司审〔2026〕3号");
                v.put("justiceSelf", "我局");
                v.put("submittedOn", "2026年11月10日");
                v.put("overview", "县发展和改革局报送了送审申请书、决策草案、起草说明、依据目录及文本、部门会签意见、合法性初审意见书等材料。");
                v.put("methods", "书面审查");
                v.put("adviserName", "赵律师");
                v.put("adviserOpinion", "未发现违法内容。");
                v.put("lawyerName", "钱律师");
                v.put("lawyerOpinion", "建议完善听证程序的表述。");
                v.put("points", List.of(Map.of("no", "一", "label", "是否符合法定权限", "finding", "符合", "note", "属于县人民政府职权。")));
                v.put("conclusionText", "决策草案符合法定权限，履行了法定程序，内容合法，同意提交县人民政府常务会议讨论。");
                v.put("suggestions", List.of());
            }
            case MEETING_MINUTES -> {
                v.put("meetingName", "县政府第15次常务会议");
                v.put("meetingDate", "2026年11月23日");
                v.put("place", "县政府三楼会议室");
                v.put("presider", "张建国");
                v.put("members", "张建国、李明华、赵文静、钱志强");
                v.put("invited", "企业代表王某、市民代表李某");
                v.put("leadExplanation", "方案的背景、主要内容和征求意见情况。");
                v.put("legalityExplanation", "经审查，决策草案合法。");
                v.put("views", List.of(Map.of("name", "李明华", "view", "同意", "remarks", "")));
                v.put("memberCount", 3);
                v.put("agree", 3);
                v.put("disagree", 0);
                v.put("abstain", 0);
                v.put("majority", "同意");
                v.put("headName", "张建国");
                v.put("headDecision", "同意");
                v.put("headRemarks", "");
            }
            case PUBLICATION_NOTICE -> {
                v.put("docNumber", "冠政发〔2026〕8号");
                v.put("issuedOn", "2026年11月25日");
                v.put("meetingName", "县政府第15次常务会议");
                v.put("meetingResult", "同意");
                v.put("basis", "《中华人民共和国价格法》第二十三条。");
                v.put("gazette", "《冠县人民政府公报》2026年第6期");
                v.put("website", "http://www.guanxian.gov.cn/zcwj/2026/8.html");
                v.put("newMedia", "“冠县发布”微信公众号");
                v.put("newspaper", "");
                v.put("hasInterpretations", true);
                v.put("interpretations", List.of(Map.of("kind", "政策问答", "title", "一图读懂供热价格调整", "url", "")));
            }
            case ADOPTION_SUMMARY -> {
                v.put("docNumber", "冠政发〔2026〕8号");
                v.put("issuedOn", "2026年11月25日");
                v.put("consultations", List.of(Map.of("title", "城区集中供热价格调整方案（征求意见稿）", "period", "2026年9月1日至10月8日",
                        "count", 36, "adopted", 12, "partly", 5, "notAdopted", 19)));
                v.put("notAdopted", List.of(Map.of("title", "建议暂缓调价", "count", 15, "reason", "供热成本已连续三年倒挂。")));
            }
            case COMPLIANCE_REPORT -> {
                v.put("stage", "合法性审查");
                v.put("status", "办理中");
                v.put("computedAt", "2026年11月23日10时00分");
                v.put("draft", "《决策草案》第2版（草案.docx，SHA-256 9f2c…）");
                v.put("occasion", "本报告作为附件随报送合法性审查一并报送。");
                v.put("total", 2);
                v.put("met", 1);
                v.put("deviation", 0);
                v.put("notApplicable", 1);
                v.put("notYetDue", 0);
                v.put("unmet", 0);
                v.put("stages", List.of(Map.of("cnNo", "一", "label", "草案拟定", "lines", List.of(
                        Map.of("no", 1, "article", "第十三条", "requirement", "《决策草案》（本轮办理中提交）", "task", "拟定决策草案及起草说明",
                                "status", "已满足", "note", "", "evidence", List.of("材料：《决策草案》第2版，SHA-256 9f2c…")),
                        Map.of("no", 2, "article", "第十四条", "requirement", "涉及市场主体经济活动的，《公平竞争审查材料》",
                                "task", "确定公众参与、专家论证、风险评估安排", "status", "不适用", "note", "本事项不属于该要求适用的情形。",
                                "evidence", List.of())))));
            }
        }
        return v;
    }
}
