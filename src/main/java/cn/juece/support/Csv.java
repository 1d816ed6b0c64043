package cn.juece.support;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** CSV for Excel (UI.md): UTF-8 with BOM, Chinese headings, every cell quoted, formulas kept as text. */
public final class Csv {

    private final StringBuilder sb = new StringBuilder("\uFEFF");

    public Csv(List<String> headings) {
        row(headings);
    }

    public Csv row(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(cell(cells.get(i)));
        }
        sb.append("\r\n");
        return this;
    }

    public byte[] bytes() {
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The text, BOM first. */
    @Override
    public String toString() {
        return sb.toString();
    }

    static String cell(String s) {
        if (s == null) {
            return "";
        }
        String v = s.replace("\"", "\"\"");
        // A leading formula character would run in Excel: keep it text.
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v + "\"";
    }
}
