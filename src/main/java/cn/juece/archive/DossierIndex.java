package cn.juece.archive;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.juece.decision.Decision;
import cn.juece.dossier.Material;
import cn.juece.dossier.MaterialService;
import cn.juece.dossier.MaterialVersion;
import cn.juece.identity.Directory;
import cn.juece.support.AppClock;

/**
 * The dossier's index (卷内文件目录) the archive package carries as a generated document (Art. 59): one line per
 * material version in the order the dossier holds them, with its article, who provided it for which unit, when, and
 * its SHA-256; CSV in UTF-8 with a BOM, Chinese headers, as the catalogue's export.
 */
@Component
@Order(0)
class DossierIndex implements ArchiveDocuments {

    static final String FILE = "卷内文件目录.csv";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MaterialService materials;
    private final Directory directory;

    DossierIndex(MaterialService materials, Directory directory) {
        this.materials = materials;
        this.directory = directory;
    }

    @Override
    public List<Document> documents(Decision d) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append("序号,材料类型,依据,题名,版本,文件名,提供人,提供单位,提交时间,SHA-256\r\n");
        int seq = 0;
        for (Material m : materials.materials(d.id())) {
            for (MaterialVersion v : m.versions()) {
                csv.append(++seq).append(',')
                        .append(cell(m.type().label())).append(',')
                        .append(cell(m.type().article())).append(',')
                        .append(cell(m.title())).append(',')
                        .append(v.versionNo()).append(',')
                        .append(cell(v.fileName())).append(',')
                        .append(cell(directory.displayName(v.uploadedBy()))).append(',')
                        .append(cell(v.providedFor() == null ? "" : directory.groupName(v.providedFor()))).append(',')
                        .append(v.uploadedAt() == null ? "" : v.uploadedAt().atZoneSameInstant(AppClock.ZONE).format(DAY)).append(',')
                        .append(v.sha256()).append("\r\n");
            }
        }
        return List.of(new Document(FILE, "卷内文件目录", "text/csv; charset=UTF-8", csv.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** A CSV cell, quoted when needed; a leading formula character is neutralised (the file is opened in spreadsheets). */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
