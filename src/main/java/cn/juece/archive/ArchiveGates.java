package cn.juece.archive;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.springframework.stereotype.Component;

import cn.juece.workflow.StageGate;
import cn.juece.workflow.StageGates;

/**
 * Stage 12, archive (Art. 59): every matter is archived however it ended. The dossier is filed only when it holds what
 * the path the matter actually took produced (ArchiveService.completeness: the Art. 42 and 49 submissions, minutes,
 * the decision document, the execution records…); one refusal names everything missing, with its article. The
 * government office records the archive number before filing.
 */
@Component
class ArchiveGates implements StageGates {

    private final ArchiveService archive;
    private final cn.juece.identity.Directory directory;

    ArchiveGates(ArchiveService archive, cn.juece.identity.Directory directory) {
        this.archive = archive;
        this.directory = directory;
    }

    @Override
    public List<StageGate> gates() {
        return List.of(
                new StageGate(ArchiveService.FILE_TASK, Set.of(), "第五十九条", "ARCHIVE_INCOMPLETE",
                        "按本事项实际经过的程序，应当归档的材料和记录齐全",
                        ctx -> archive.completeness(ctx.decision()).stream().allMatch(ArchiveRequirements.Item::present),
                        ctx -> {
                            List<String> missing = archive.missing(ctx.decision());
                            return "归档材料和记录不全（第五十九条），尚缺" + missing.size() + "项："
                                    + String.join("；", IntStream.range(0, missing.size()).mapToObj(i -> (i + 1) + ". " + missing.get(i)).toList())
                                    + "。请补齐后再办理归档。";
                        }),
                new StageGate(ArchiveService.FILE_TASK, Set.of(), "第五十九条", "ARCHIVE_NUMBER_MISSING", "已记录档案号（决策机关办公室）",
                        ctx -> archive.record(ctx.decision().id()).isPresent(),
                        // the organ's own office (Art. 64): 县政府办公室, or a township's 党政办公室
                        ctx -> "尚未记录档案号（第五十九条）。请" + directory.unitName(directory.organ(ctx.decision().organCode()).officeUnit())
                                + "先在决策案卷的“归档”中填写档案号，再办理归档。"));
    }
}
