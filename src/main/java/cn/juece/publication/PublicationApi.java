package cn.juece.publication;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.juece.access.DecisionAccess;
import cn.juece.document.DocumentService;
import cn.juece.support.JsonApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@JsonApi
@RequestMapping("/api/decisions/{number}/publication")
@Tag(name = "决策公布", description = "第五十一条、第五十二条：向党委请示报告、人大或市政府程序、发文字号和印发日期、公布途径和依据、宣传解读、意见采纳情况")
class PublicationApi {

    private final PublicationRecords records;
    private final PublicationService publications;
    private final DecisionAccess access;
    private final DocumentService documents;

    PublicationApi(PublicationRecords records, PublicationService publications, DecisionAccess access, DocumentService documents) {
        this.records = records;
        this.publications = publications;
        this.access = access;
        this.documents = documents;
    }

    @GetMapping
    Map<String, Object> get(@PathVariable String number) {
        var d = access.visible(number);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("record", records.record(d.id()));
        m.put("interpretations", records.interpretations(d.id()));
        m.put("issuance", publications.issuance(d.id()).orElse(null));
        m.put("publication", publications.publication(d.id()).orElse(null));
        m.put("feedback", publications.feedback(d.id()).orElse(null));
        m.put("documents", documents.ofDecision(d.id()));
        return m;
    }

    @PutMapping("/issuance")
    @Operation(summary = "记录向党委请示报告、第五十一条程序、发文字号（〔〕）和印发日期")
    PublicationRecords.Record issuance(@PathVariable String number, @RequestBody PublicationRecords.IssuanceInput b) {
        return records.recordIssuance(number, b);
    }

    @PutMapping("/channels")
    @Operation(summary = "记录公布途径（公报期号、网站链接、政务新媒体、报纸）和决策依据，或依法不予公开的依据和理由")
    PublicationRecords.Record channels(@PathVariable String number, @RequestBody PublicationRecords.PublicationInput b) {
        return records.recordPublication(number, b);
    }

    record InterpretationBody(String kind, String title, String url, LocalDate heldOn) {
    }

    @PostMapping("/interpretations")
    @ResponseStatus(HttpStatus.CREATED)
    PublicationRecords.Interpretation interpretation(@PathVariable String number, @RequestBody InterpretationBody b) {
        return records.addInterpretation(number, b.kind(), b.title(), b.url(), b.heldOn());
    }

    @PostMapping("/notice")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "生成决策公布公告（Word 和 PDF）")
    DocumentService.Generated notice(@PathVariable String number) {
        return records.generateNotice(number);
    }

    @PostMapping("/adoption-summary")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "生成意见收集采纳情况说明（Word 和 PDF）")
    DocumentService.Generated adoptionSummary(@PathVariable String number) {
        return records.generateAdoptionSummary(number);
    }
}
