package cn.juece.document;

import java.util.List;

/**
 * A document in the layout of GB/T 9704-2012 (党政机关公文格式): the issuing organ's mark (版头), the document
 * number (发文字号), the title, the main recipient (主送机关), the body, the issuing organ's signature (落款), the
 * date (成文日期) and the copy-to line (抄送). Both writers (docx, PDF) lay out this and nothing else.
 */
public record OfficialDocument(String organMark, String docNumber, String title, String recipient, List<Block> body,
                               String signature, String date, String copyTo, String note) {

    public enum Kind { HEADING1, HEADING2, PARAGRAPH }

    public record Block(Kind kind, String text) {
    }

    /** Every text of the document in reading order (tests and search). */
    public String plainText() {
        StringBuilder b = new StringBuilder();
        for (String s : new String[] {organMark, docNumber, title, recipient}) {
            if (s != null) {
                b.append(s).append('\n');
            }
        }
        body.forEach(x -> b.append(x.text()).append('\n'));
        for (String s : new String[] {signature, date, copyTo, note}) {
            if (s != null) {
                b.append(s).append('\n');
            }
        }
        return b.toString();
    }
}
