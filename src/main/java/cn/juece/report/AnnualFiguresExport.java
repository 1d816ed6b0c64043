package cn.juece.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import cn.juece.document.DocumentService;
import cn.juece.document.OfficialDocument;
import cn.juece.document.OfficialDocument.Block;
import cn.juece.document.OfficialDocument.Kind;
import cn.juece.identity.Directory;
import cn.juece.report.AnnualReport.Figure;
import cn.juece.report.AnnualReport.Section;

/**
 * The annual figures as an .xlsx workbook (Apache POI XSSF, Chinese headings; UI.md "Exports for staff") and as a
 * .docx through the document service, in the official layout offices edit (GB/T 9704-2012).
 */
@Component
class AnnualFiguresExport {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final DocumentService documents;
    private final Directory directory;

    AnnualFiguresExport(DocumentService documents, Directory directory) {
        this.documents = documents;
        this.directory = directory;
    }

    static String fileName(AnnualReport r, String extension) {
        return r.organName() + r.year() + "年度重大行政决策统计." + extension;
    }

    /** Sheet 年度统计: one row per figure; sheet 决策明细: one row per figure and decision behind it. */
    byte[] xlsx(AnnualReport r) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);
            XSSFSheet sheet = wb.createSheet("年度统计");
            int n = 0;
            Row title = sheet.createRow(n++);
            title.createCell(0).setCellValue(r.organName() + r.year() + "年度重大行政决策统计（截至" + r.cutoff() + "）");
            title.getCell(0).setCellStyle(bold);
            header(sheet.createRow(n++), bold, "类别", "依据", "统计项", "代码", "数值", "单位", "年度要求", "涉及决策事项", "说明");
            for (Section s : r.sections()) {
                for (Figure fig : s.figures()) {
                    Row row = sheet.createRow(n++);
                    row.createCell(0).setCellValue(s.title());
                    row.createCell(1).setCellValue(s.article());
                    row.createCell(2).setCellValue(fig.label());
                    row.createCell(3).setCellValue(fig.key());
                    row.createCell(4).setCellValue(fig.value());
                    row.createCell(5).setCellValue(fig.unit());
                    row.createCell(6).setCellValue(fig.target() == null ? "" : "不少于" + fig.target() + fig.unit()
                            + (fig.targetMet() ? "（已达到）" : "（未达到）"));
                    row.createCell(7).setCellValue(String.join("、", fig.decisions()));
                    row.createCell(8).setCellValue(String.join("；", fig.records()));
                }
            }
            for (int c = 0; c < 9; c++) {
                sheet.setColumnWidth(c, c == 7 || c == 8 ? 60 * 256 : c == 2 ? 40 * 256 : 16 * 256);
            }
            XSSFSheet detail = wb.createSheet("决策明细");
            int m = 0;
            header(detail.createRow(m++), bold, "统计项", "代码", "决策编号");
            for (Section s : r.sections()) {
                for (Figure fig : s.figures()) {
                    for (String number : fig.decisions()) {
                        Row row = detail.createRow(m++);
                        row.createCell(0).setCellValue(s.title() + "：" + fig.label());
                        row.createCell(1).setCellValue(fig.key());
                        row.createCell(2).setCellValue(number);
                    }
                }
            }
            detail.setColumnWidth(0, 50 * 256);
            detail.setColumnWidth(1, 30 * 256);
            detail.setColumnWidth(2, 20 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(Row row, CellStyle bold, String... names) {
        for (int i = 0; i < names.length; i++) {
            row.createCell(i).setCellValue(names[i]);
            row.getCell(i).setCellStyle(bold);
        }
    }

    /** The figures as an official document: one heading per section, one paragraph per figure. */
    byte[] docx(AnnualReport r) {
        return documents.docx(document(r));
    }

    OfficialDocument document(AnnualReport r) {
        List<Block> body = new ArrayList<>();
        body.add(new Block(Kind.PARAGRAPH, "根据重大行政决策事项档案中的记录，现将" + r.organName() + r.year()
                + "年度重大行政决策程序执行情况统计如下（统计截至" + DocumentService.cnDate(r.cutoff()) + "）。"));
        String[] numerals = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
        for (int i = 0; i < r.sections().size(); i++) {
            Section s = r.sections().get(i);
            body.add(new Block(Kind.HEADING1, (i < numerals.length ? numerals[i] : String.valueOf(i + 1)) + "、" + s.title() + "（" + s.article() + "）"));
            for (Figure fig : s.figures()) {
                StringBuilder p = new StringBuilder(fig.label()).append("：").append(fig.value()).append(fig.unit());
                if (fig.target() != null) {
                    p.append("（年度要求不少于").append(fig.target()).append(fig.unit()).append(fig.targetMet() ? "，已达到" : "，未达到").append("）");
                }
                if (!fig.decisions().isEmpty()) {
                    p.append("。涉及决策事项：").append(String.join("、", fig.decisions()));
                }
                p.append("。");
                body.add(new Block(Kind.PARAGRAPH, p.toString()));
            }
        }
        String office = directory.unitName(directory.organ(r.organCode()).officeUnit());
        return new OfficialDocument(null, null, r.organName() + r.year() + "年度重大行政决策统计", null, body,
                DocumentService.officialName(directory.organ(r.organCode()), office), DocumentService.cnDate(r.asOf().toLocalDate()), null, null);
    }
}
