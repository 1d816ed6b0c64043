package cn.juece.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.juece.decision.Decision;
import cn.juece.dossier.Material;
import cn.juece.dossier.MaterialService;
import cn.juece.dossier.MaterialType;
import cn.juece.dossier.MaterialVersion;
import cn.juece.drafting.DraftingRecord;
import cn.juece.drafting.DraftingService;
import cn.juece.identity.Directory;

/**
 * The prior work the dossier records today (Art. 56): the expert or professional organisation commissioned to draft
 * (Art. 13, the drafting record), and the units that provided the expert review's opinions and the risk assessment
 * report (Art. 33, 39: the materials' providers). The expert review and risk assessment stages, as they come to record
 * the experts' organisations and commissioned assessors, add their own {@link PriorWork.Source}.
 */
@Component
class RecordedPriorWork implements PriorWork.Source {

    private final DraftingService drafting;
    private final MaterialService materials;
    private final Directory directory;

    RecordedPriorWork(DraftingService drafting, MaterialService materials, Directory directory) {
        this.drafting = drafting;
        this.materials = materials;
        this.directory = directory;
    }

    @Override
    public List<PriorWork> priorWork(Decision d) {
        List<PriorWork> work = new ArrayList<>();
        DraftingRecord record = drafting.record(d.id());
        if (record.drafterMode() == DraftingRecord.DrafterMode.COMMISSIONED && record.commissionedOrg() != null) {
            work.add(new PriorWork(record.commissionedOrg(), "受委托起草决策草案", "第十三条"));
        }
        Map<String, PriorWork> byProvider = new LinkedHashMap<>();
        for (Material m : materials.materials(d.id())) {
            String role = m.type() == MaterialType.RISK_REPORT ? "承担风险评估"
                    : m.type() == MaterialType.EXPERT_OPINION ? "组织专家论证" : null;
            if (role == null) {
                continue;
            }
            for (MaterialVersion v : m.versions()) {
                String unit = v.providedFor() != null ? directory.groupName(v.providedFor())
                        : directory.actor(v.uploadedBy()).unitName();
                if (unit != null) {
                    byProvider.putIfAbsent(unit + role, new PriorWork(unit, role, m.type().article()));
                }
            }
        }
        work.addAll(byProvider.values());
        return work;
    }
}
