package cn.juece.expert;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.juece.access.DecisionAccess;
import cn.juece.dossier.MaterialVersion;
import cn.juece.support.JsonApi;
import cn.juece.support.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** /api for the expert pool (Art. 32) and a decision's expert review (Art. 30-35); the same services as the pages. */
@RestController
@JsonApi
@RequestMapping("/api")
@Tag(name = "专家论证", description = "专家库（第三十二条）；专家论证的安排、抽取、邀请、材料送达、意见采纳和反馈（第三十条至第三十五条）")
class ExpertApi {

    private final ExpertPool pool;
    private final ExpertReviewService reviews;
    private final DecisionAccess access;

    ExpertApi(ExpertPool pool, ExpertReviewService reviews, DecisionAccess access) {
        this.pool = pool;
        this.reviews = reviews;
        this.access = access;
    }

    // ---- the pool ----

    @GetMapping("/expert-fields")
    @Operation(summary = "专业领域清单")
    List<ExpertPool.Field> fields() {
        return pool.fields();
    }

    @PostMapping("/expert-fields")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "增加专业领域（系统管理员）")
    ExpertPool.Field addField(@RequestBody Map<String, String> body) {
        return pool.addField(body.get("name"));
    }

    @PutMapping("/expert-fields/{id}")
    @Operation(summary = "停用或恢复专业领域（系统管理员）")
    ExpertPool.Field setField(@PathVariable long id, @RequestBody Map<String, Boolean> body) {
        Boolean active = body.get("active");
        if (active == null) {
            throw RuleViolation.badRequest("REQUIRED_FLAG_MISSING", "请说明是否启用（active: true/false）。");
        }
        return pool.setFieldActive(id, active);
    }

    /** The pool and when it last changed. */
    record PoolView(OffsetDateTime lastUpdated, List<Expert> experts) {
    }

    @GetMapping("/experts")
    @Operation(summary = "专家库（联系方式仅系统管理员可见）")
    PoolView experts() {
        return new PoolView(pool.lastUpdated().orElse(null), pool.list());
    }

    @GetMapping("/experts/{id}")
    @Operation(summary = "一名专家")
    Expert expert(@PathVariable long id) {
        return pool.get(id);
    }

    @PostMapping("/experts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "专家库增加专家（系统管理员）", description = "type：INDUSTRY（行业、技术专家）或 LEGAL（法律专家）；fields 取自专业领域清单；联系电话和电子邮箱至少一项。")
    Expert create(@RequestBody ExpertInput input) {
        return pool.create(input);
    }

    @PutMapping("/experts/{id}")
    @Operation(summary = "修改专家信息、停用或恢复（系统管理员）")
    Expert update(@PathVariable long id, @RequestBody ExpertInput input) {
        return pool.update(id, input);
    }

    @PostMapping(value = "/experts/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "从 .xlsx 或 .csv 批量导入专家（系统管理员）", description = "第一行为表头：" + "姓名、工作单位、职称职务、专家类别、专业领域、联系电话、电子邮箱、利益声明、任职或关联单位、状态"
            + "；有错误的行不导入，逐行逐列说明。")
    ExpertPool.ImportResult importFile(@RequestParam(value = "file", required = false) MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw RuleViolation.badRequest("UPLOAD_EMPTY", "请选择要导入的文件（.xlsx 或 .csv）。");
        }
        return pool.importFile(file.getOriginalFilename(), file.getBytes());
    }

    // ---- a decision's review ----

    @GetMapping("/decisions/{number}/experts")
    @Operation(summary = "决策事项的专家论证（最新一轮；联系方式仅系统管理员和决策承办单位可见）")
    Map<String, Object> review(@PathVariable String number) {
        var d = access.visible(number);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stepOpen", reviews.stepOpen(d));
        m.put("contactsShown", reviews.maySeeContacts(d));
        m.put("review", reviews.review(number).orElse(null));
        return m;
    }

    record ArrangementRequest(String form, List<String> fields, Boolean complex, String parties) {
    }

    @PutMapping("/decisions/{number}/experts/arrangement")
    @Operation(summary = "论证方式、涉及领域、是否复杂敏感、有利害关系的单位", description = "form：MEETING（论证会）、WRITTEN（书面咨询）、COMMISSIONED（委托专业机构论证咨询）；parties 每行一个单位。")
    ExpertReview arrange(@PathVariable String number, @RequestBody ArrangementRequest r) {
        return reviews.arrange(number, r.form(), r.fields(), r.complex(), r.parties());
    }

    record SmallerPanel(Integer size, String reason) {
    }

    @PostMapping("/decisions/{number}/experts/smaller-panel")
    @Operation(summary = "经本单位负责人批准减少论证专家人数（一般不少于5人/7人，第三十一条）")
    ExpertReview smaller(@PathVariable String number, @RequestBody SmallerPanel r) {
        return reviews.approveSmallerPanel(number, r.size(), r.reason());
    }

    record DrawRequest(Integer size) {
    }

    @PostMapping("/decisions/{number}/experts/draws")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "从专家库随机抽取论证专家（记录种子和候选名单，可复核）")
    ExpertReview.Draw draw(@PathVariable String number, @RequestBody(required = false) DrawRequest r) {
        return reviews.drawPanel(number, r == null ? null : r.size());
    }

    record MemberRequest(Long expertId, ExpertInput expert, String reason) {
    }

    @PostMapping("/decisions/{number}/experts/members")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "说明理由手动增加论证专家（专家库中的 expertId，或库外专家 expert）")
    ExpertReview.Member add(@PathVariable String number, @RequestBody MemberRequest r) {
        return reviews.addMember(number, r.expertId(), r.expert(), r.reason());
    }

    @PostMapping("/decisions/{number}/experts/invitations")
    @Operation(summary = "向全部待邀请的专家发送论证邀请链接（经邮件发件箱）")
    ExpertReview inviteAll(@PathVariable String number) {
        return reviews.inviteAll(number);
    }

    record DeliveryRequest(LocalDate deliveredOn, List<Long> versionIds, List<Long> memberIds) {
    }

    @PostMapping("/decisions/{number}/experts/deliveries")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "记录向专家提供论证材料（日期、材料版本、专家）；研究论证时间自此起算（第三十四条）")
    ExpertReview.Delivery deliver(@PathVariable String number, @RequestBody DeliveryRequest r) {
        return reviews.recordDelivery(number, r.deliveredOn(), r.versionIds(), r.memberIds());
    }

    @PutMapping("/decisions/{number}/experts/summary")
    @Operation(summary = "汇总整理专家论证意见（第三十五条）")
    ExpertReview summary(@PathVariable String number, @RequestBody Map<String, String> body) {
        return reviews.summarise(number, body.get("summary"));
    }

    @PostMapping("/decisions/{number}/experts/feedback")
    @Operation(summary = "向专家反馈论证意见采纳情况（第三十五条）")
    ExpertReview feedback(@PathVariable String number) {
        return reviews.sendFeedback(number);
    }

    @PostMapping("/decisions/{number}/experts/publication")
    @Operation(summary = "向社会公开专家信息和论证意见（第三十五条，不含联系方式）")
    ExpertReview publish(@PathVariable String number) {
        return reviews.publish(number);
    }

    @PostMapping("/decisions/{number}/experts/opinion-material")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "根据论证记录生成《专家论证意见及采纳情况》（新版本材料）")
    MaterialVersion material(@PathVariable String number) {
        return reviews.generateOpinionMaterial(number);
    }

    record Rerun(long drawId, List<Long> recorded, List<Long> rerun, boolean same) {
    }

    @GetMapping("/expert-draws/{id}/rerun")
    @Operation(summary = "按记录的种子和候选名单重新运行一次抽取，核对结果是否相同")
    Rerun rerun(@PathVariable long id) {
        List<Long> again = reviews.rerun(id);
        List<Long> recorded = reviews.draw(id).chosen();
        return new Rerun(id, recorded, again, new java.util.HashSet<>(again).equals(new java.util.HashSet<>(recorded)));
    }

    @PostMapping("/expert-members/{id}/invitation")
    @Operation(summary = "向一名专家发送（或重新发送）论证邀请链接")
    ExpertReview.Member invite(@PathVariable long id) {
        return reviews.invite(id);
    }

    @PostMapping("/expert-members/{id}/revocation")
    @Operation(summary = "撤销一名专家的论证邀请链接")
    ExpertReview.Member revoke(@PathVariable long id) {
        return reviews.revoke(id);
    }

    @PostMapping("/expert-members/{id}/withdrawal")
    @Operation(summary = "说明理由撤回一名专家")
    ExpertReview.Member withdraw(@PathVariable long id, @RequestBody Map<String, String> body) {
        return reviews.withdraw(id, body.get("reason"));
    }

    @PostMapping("/expert-members/{id}/replacement")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "为谢绝或撤回的专家补充抽取")
    ExpertReview.Draw replace(@PathVariable long id) {
        return reviews.drawReplacement(id);
    }

    @PutMapping("/expert-opinions/{id}/adoption")
    @Operation(summary = "论证意见的采纳情况和理由（ADOPTED 采纳、PARTLY 部分采纳、NOT_ADOPTED 不采纳，第三十五条）")
    ExpertReview.Opinion adoption(@PathVariable long id, @RequestBody Map<String, String> body) {
        return reviews.decideAdoption(id, body.get("adoption"), body.get("reason"));
    }
}
