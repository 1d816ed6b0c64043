package cn.juece.archive;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.juece.dossier.MaterialType;
import cn.juece.workflow.Gates;
import cn.juece.workflow.StageGate;
import cn.juece.workflow.StageGates;

/**
 * Stage 12, archive (Art. 59): the dossier keeps the records of every step performed. A matter that
 * reached the meeting archives its draft, explanation, legality opinion and meeting record; and the
 * government office has recorded the archive number before filing.
 */
@Component
class ArchiveGates implements StageGates {

    private final ArchiveService archive;

    ArchiveGates(ArchiveService archive) {
        this.archive = archive;
    }

    @Override
    public List<StageGate> gates() {
        return List.of(
                Gates.rule("archive-file", Set.of(), "第五十九条", "ARCHIVE_INCOMPLETE",
                        "决策草案、起草说明、合法性审查意见书、会议记录齐全",
                        ctx -> ctx.has(MaterialType.DRAFT) && ctx.has(MaterialType.DRAFTING_EXPLANATION)
                                && ctx.has(MaterialType.LEGALITY_OPINION) && ctx.has(MaterialType.MEETING_MINUTES),
                        "归档材料不全：决策草案、起草说明、合法性审查意见书和会议记录应当完整归档（第五十九条）。请补充上传后再办理归档。"),
                Gates.rule("archive-file", Set.of(), "第五十九条", "ARCHIVE_NUMBER_MISSING", "已记录档案号（县政府办公室）",
                        ctx -> archive.record(ctx.decision().id()).isPresent(),
                        "尚未记录档案号（第五十九条）。请县政府办公室先在决策案卷的“归档”中填写档案号，再办理归档。"));
    }
}
