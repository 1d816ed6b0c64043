package cn.juece.expert;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.juece.support.RuleViolation;

/**
 * Reads a list of experts from a spreadsheet for the pool's bulk import (Art. 32): the first sheet of an .xlsx
 * (Apache POI) or a .csv (UTF-8, with or without BOM, or GB18030 as Excel saves it in China), the first row being
 * the Chinese headings {@link #HEADINGS} in any order. Each further non-empty row becomes the values by heading, with
 * its row number as the spreadsheet shows it.
 */
final class ExpertSheet {

    static final List<String> HEADINGS = List.of("姓名", "工作单位", "职称职务", "专家类别", "专业领域", "联系电话", "电子邮箱",
            "利益声明", "任职或关联单位", "状态");
    static final List<String> REQUIRED = List.of("姓名", "工作单位", "专家类别");
    static final int MAX_ROWS = 2000;

    /** One row of the sheet: its number (1 = the headings) and its values by heading. */
    record Line(int number, Map<String, String> values) {
    }

    private ExpertSheet() {
    }

    static List<Line> read(String fileName, byte[] bytes) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (bytes == null || bytes.length == 0) {
            throw RuleViolation.badRequest("UPLOAD_EMPTY", "请选择要导入的文件（.xlsx 或 .csv）。");
        }
        List<List<String>> rows;
        if (name.endsWith(".xlsx")) {
            rows = xlsx(bytes);
        } else if (name.endsWith(".csv")) {
            rows = csv(text(bytes));
        } else {
            throw RuleViolation.badRequest("EXPERT_IMPORT_TYPE", "专家名单只能从 .xlsx 或 .csv 文件导入。");
        }
        if (rows.isEmpty()) {
            throw RuleViolation.badRequest("EXPERT_IMPORT_EMPTY", "文件中没有内容：第一行应为表头（" + String.join("、", HEADINGS) + "）。");
        }
        List<String> header = rows.get(0).stream().map(s -> s.strip().replace("\uFEFF", "")).toList();
        List<String> missing = REQUIRED.stream().filter(h -> !header.contains(h)).toList();
        if (!missing.isEmpty()) {
            throw RuleViolation.badRequest("EXPERT_IMPORT_HEADER", "第1行表头缺少“" + String.join("”“", missing) + "”列。表头应为："
                    + String.join("、", HEADINGS) + "（顺序不限；专业领域、任职或关联单位可填多个，用顿号分隔）。");
        }
        if (rows.size() - 1 > MAX_ROWS) {
            throw RuleViolation.badRequest("EXPERT_IMPORT_TOO_MANY", "一次最多导入" + MAX_ROWS + "行，请分批导入。");
        }
        List<Line> lines = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> cells = rows.get(r);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                if (HEADINGS.contains(header.get(c))) {
                    values.put(header.get(c), c < cells.size() ? cells.get(c).strip() : "");
                }
            }
            lines.add(new Line(r + 1, values));
        }
        return lines;
    }

    private static List<List<String>> xlsx(byte[] bytes) {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter format = new DataFormatter(Locale.CHINA);
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : format.formatCellValue(cell));
                    }
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw RuleViolation.badRequest("EXPERT_IMPORT_UNREADABLE", "无法读取该 .xlsx 文件，请确认是 Excel 工作簿（.xlsx）并重新保存后导入。");
        }
    }

    /** UTF-8 (BOM or not); text that is not valid UTF-8 is read as GB18030 (Excel's "CSV" in a Chinese Windows). */
    static String text(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder();
        try {
            String s = decoder.decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(bytes, java.nio.charset.Charset.forName("GB18030"));
        }
    }

    /** RFC 4180: fields separated by commas, quoted with "" (doubled inside), line breaks inside quotes kept. */
    static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(ch);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
