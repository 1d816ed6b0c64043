package cn.juece.document;

import java.util.ArrayList;
import java.util.List;

import cn.juece.support.RuleViolation;

/**
 * Reads a rendered template into an {@link OfficialDocument}. The template's lines:
 * <pre>
 * 版头：冠县司法局文件          (optional: the issuing organ's mark, printed red)
 * 发文字号：冠司审〔2026〕3号    (optional)
 * 标题：关于……的合法性审查意见书
 * 主送：县发展和改革局：         (optional)
 * 正文：
 * # 一、审查的基本情况          (a first-level heading, 黑体)
 * ## （一）……                 (a second-level heading, 楷体)
 * any other line is a paragraph (indented two characters)
 * 落款：冠县司法局
 * 日期：2026年11月23日
 * 抄送：县人民政府办公室。       (optional)
 * 附注：……                     (optional)
 * </pre>
 * Blank lines are ignored. A line that came from a value ({@link TemplateText#LITERAL}) is always a paragraph.
 */
final class DocumentLayout {

    private DocumentLayout() {
    }

    static OfficialDocument parse(String text) {
        String mark = null, number = null, title = null, recipient = null, signature = null, date = null, cc = null, note = null;
        List<OfficialDocument.Block> body = new ArrayList<>();
        boolean inBody = false;
        for (String raw : text.replace("\r", "").split("\n")) {
            boolean literal = raw.indexOf(TemplateText.LITERAL) >= 0;
            String line = raw.replace(String.valueOf(TemplateText.LITERAL), "").strip();
            if (line.isEmpty()) {
                continue;
            }
            if (!literal) {
                String v;
                if ((v = field(line, "版头")) != null) { mark = blankToNull(v); continue; }
                if ((v = field(line, "发文字号")) != null) { number = blankToNull(v); continue; }
                if ((v = field(line, "标题")) != null) { title = blankToNull(v); continue; }
                if ((v = field(line, "主送")) != null) { recipient = blankToNull(v); continue; }
                if ((v = field(line, "落款")) != null) { signature = blankToNull(v); inBody = false; continue; }
                if ((v = field(line, "日期")) != null) { date = blankToNull(v); inBody = false; continue; }
                if ((v = field(line, "抄送")) != null) { cc = blankToNull(v); inBody = false; continue; }
                if ((v = field(line, "附注")) != null) { note = blankToNull(v); inBody = false; continue; }
                if (line.equals("正文：") || line.equals("正文:")) { inBody = true; continue; }
                if (line.startsWith("## ")) {
                    body.add(new OfficialDocument.Block(OfficialDocument.Kind.HEADING2, line.substring(3).strip()));
                    continue;
                }
                if (line.startsWith("# ")) {
                    body.add(new OfficialDocument.Block(OfficialDocument.Kind.HEADING1, line.substring(2).strip()));
                    continue;
                }
            }
            if (!inBody && !literal) {
                throw RuleViolation.badRequest("TEMPLATE_INVALID", "模板格式有误：“" + abbreviate(line)
                        + "”不在“正文：”之后，也不是版头、发文字号、标题、主送、落款、日期、抄送、附注之一。");
            }
            body.add(new OfficialDocument.Block(OfficialDocument.Kind.PARAGRAPH, line));
        }
        if (title == null || title.isBlank()) {
            throw RuleViolation.badRequest("TEMPLATE_INVALID", "模板格式有误：缺少“标题：”一行（GB/T 9704 公文标题）。");
        }
        return new OfficialDocument(mark, number, title, recipient, List.copyOf(body), signature, date, cc, note);
    }

    private static String field(String line, String name) {
        if (line.startsWith(name + "：") || line.startsWith(name + ":")) {
            return line.substring(name.length() + 1).strip();
        }
        return null;
    }

    private static String blankToNull(String v) {
        return v.isEmpty() ? null : v;
    }

    private static String abbreviate(String s) {
        return s.length() > 30 ? s.substring(0, 30) + "……" : s;
    }
}
