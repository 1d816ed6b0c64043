package cn.juece.expert;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a person (a form, /api, a row of an import) gives for an expert, and its checks: each problem names the
 * column in Chinese, so that an import can say which row and column is wrong.
 *
 * @param type         INDUSTRY / LEGAL, or the Chinese 行业专家、技术专家、行业/技术专家、法律专家
 * @param affiliations organisations or units the expert is employed by or tied to
 * @param active       null: active
 */
public record ExpertInput(String name, String organisation, String title, String type, String phone, String email,
                          String interests, List<String> affiliations, List<String> fields, Boolean active) {

    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{5,40}");
    /** How lists are written in one cell: 、，, ; ； / and line breaks. */
    static final Pattern LIST = Pattern.compile("[、，,;；/\\n]+");

    /** One problem of the input: the column's Chinese heading and what is wrong. */
    public record Problem(String column, String message) {
    }

    /** The checked values, or the problems (none when valid). */
    record Checked(String name, String organisation, String title, PanelDraw.Type type, String phone, String email,
                   String interests, List<String> affiliations, List<String> fields, boolean active, List<Problem> problems) {

        /** These values, or the refusal naming every column that is wrong. */
        Checked valid() {
            if (!problems.isEmpty()) {
                throw cn.juece.support.RuleViolation.badRequest("EXPERT_INPUT_INVALID", "专家信息有误：" + String.join("；",
                        problems.stream().map(p -> "“" + p.column() + "”" + p.message()).toList()) + "。");
            }
            return this;
        }
    }

    static List<String> split(String cell) {
        List<String> out = new ArrayList<>();
        if (cell != null) {
            for (String s : LIST.split(cell)) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    static PanelDraw.Type parseType(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip().toUpperCase(Locale.ROOT);
        return switch (t) {
            case "INDUSTRY", "行业专家", "技术专家", "行业/技术专家", "行业、技术专家", "行业技术专家" -> PanelDraw.Type.INDUSTRY;
            case "LEGAL", "法律专家" -> PanelDraw.Type.LEGAL;
            default -> null;
        };
    }

    /** Checks every value against the managed list of fields (active ones). */
    Checked check(Set<String> knownFields) {
        List<Problem> problems = new ArrayList<>();
        String n = strip(name);
        String org = strip(organisation);
        String t = strip(title);
        if (n.isEmpty()) {
            problems.add(new Problem("姓名", "必填"));
        } else if (n.length() > 64) {
            problems.add(new Problem("姓名", "不超过64字"));
        }
        if (org.isEmpty()) {
            problems.add(new Problem("工作单位", "必填"));
        } else if (org.length() > 200) {
            problems.add(new Problem("工作单位", "不超过200字"));
        }
        if (t.length() > 100) {
            problems.add(new Problem("职称职务", "不超过100字"));
        }
        PanelDraw.Type ty = parseType(type);
        if (ty == null) {
            problems.add(new Problem("专家类别", strip(type).isEmpty() ? "必填：行业专家（含技术专家）或法律专家（第三十一条）"
                    : "“" + strip(type) + "”不是专家类别，应为“行业专家”“技术专家”或“法律专家”"));
        }
        List<String> fs = new ArrayList<>(new LinkedHashSet<>(fields == null ? List.of() : fields.stream().map(ExpertInput::strip)
                .filter(s -> !s.isEmpty()).toList()));
        List<String> unknown = fs.stream().filter(f -> !knownFields.contains(f)).toList();
        if (!unknown.isEmpty()) {
            problems.add(new Problem("专业领域", "“" + String.join("、", unknown) + "”不在专业领域清单中（可由管理员在专家库页面增加）"));
        } else if (fs.isEmpty() && ty == PanelDraw.Type.INDUSTRY) {
            problems.add(new Problem("专业领域", "行业专家须填写专业领域（第三十一条：专业特长应当与决策事项相符合）"));
        }
        String p = strip(phone);
        String e = strip(email);
        if (!p.isEmpty() && !PHONE.matcher(p).matches()) {
            problems.add(new Problem("联系电话", "“" + p + "”格式不正确"));
        }
        if (!e.isEmpty() && (e.length() > 200 || !EMAIL.matcher(e).matches())) {
            problems.add(new Problem("电子邮箱", "“" + e + "”格式不正确"));
        }
        if (p.isEmpty() && e.isEmpty()) {
            problems.add(new Problem("联系电话", "联系电话和电子邮箱至少填写一项（邀请通过电子邮件发送）"));
        }
        String i = strip(interests);
        if (i.length() > 2000) {
            problems.add(new Problem("利益声明", "不超过2000字"));
        }
        List<String> affs = new ArrayList<>(new LinkedHashSet<>(affiliations == null ? List.of()
                : affiliations.stream().map(ExpertInput::strip).filter(s -> !s.isEmpty()).toList()));
        if (affs.size() > 20 || affs.stream().anyMatch(a -> a.length() > 200)) {
            problems.add(new Problem("任职或关联单位", "最多20个单位，每个不超过200字"));
        }
        return new Checked(n, org, t.isEmpty() ? null : t, ty, p.isEmpty() ? null : p, e.isEmpty() ? null : e,
                i.isEmpty() ? null : i, affs, fs, active == null || active, problems);
    }

    static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
