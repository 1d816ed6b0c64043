package cn.juece.document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.juece.support.RuleViolation;

/**
 * The template language administrators write (kept small on purpose: no expressions, nothing to call):
 * {@code {{name}}} inserts a value; {@code {{#name}}…{{/name}}} repeats the part for each element of a list (an
 * element's own values, or the element itself as {@code {{.}}}), or shows it once for a true or non-empty value;
 * {@code {{^name}}…{{/name}}} shows it when the value is empty, false or missing. Every inserted line is marked
 * literal, so a value never turns into a heading or a header field of the document ({@link DocumentLayout}).
 */
public final class TemplateText {

    /** Starts a line that came from a value: the layout reads it as a paragraph, whatever it begins with. */
    static final char LITERAL = '\u0001';

    private TemplateText() {
    }

    public static String render(String template, Map<String, ?> values) {
        StringBuilder out = new StringBuilder();
        render(template, 0, template.length(), List.of(values), out);
        return out.toString();
    }

    /** Checks the template's tags pair up; the refusal names the first problem. */
    public static void validate(String template) {
        render(template, Map.of());
    }

    private static void render(String t, int from, int to, List<Map<String, ?>> scopes, StringBuilder out) {
        int i = from;
        while (i < to) {
            int open = t.indexOf("{{", i);
            if (open < 0 || open >= to) {
                out.append(t, i, to);
                return;
            }
            out.append(t, i, open);
            int close = t.indexOf("}}", open);
            if (close < 0 || close + 2 > to) {
                throw invalid("“{{”没有对应的“}}”（第" + line(t, open) + "行）");
            }
            String tag = t.substring(open + 2, close).strip();
            if (tag.startsWith("#") || tag.startsWith("^")) {
                String name = tag.substring(1).strip();
                int[] end = sectionEnd(t, close + 2, to, name);
                Object value = lookup(scopes, name);
                if (tag.startsWith("#")) {
                    if (value instanceof Collection<?> list) {
                        for (Object element : list) {
                            List<Map<String, ?>> inner = new ArrayList<>(scopes);
                            if (element instanceof Map<?, ?> m) {
                                @SuppressWarnings("unchecked")
                                Map<String, ?> map = (Map<String, ?>) m;
                                inner.add(0, map);
                            } else {
                                Map<String, Object> dot = new HashMap<>();
                                dot.put(".", element);
                                inner.add(0, dot);
                            }
                            render(t, close + 2, end[0], inner, out);
                        }
                    } else if (truthy(value)) {
                        render(t, close + 2, end[0], scopes, out);
                    }
                } else if (!truthy(value)) {
                    render(t, close + 2, end[0], scopes, out);
                }
                i = end[1];
            } else if (tag.startsWith("/")) {
                throw invalid("“{{" + tag + "}}”没有对应的开始标记（第" + line(t, open) + "行）");
            } else {
                Object value = lookup(scopes, tag);
                if (value != null) {
                    if (out.length() == 0 || out.charAt(out.length() - 1) == '\n') {
                        out.append(LITERAL);
                    }
                    out.append(literal(String.valueOf(value)));
                }
                i = close + 2;
            }
        }
    }

    /** [start of the closing tag, index after it], honouring nested sections of the same name. */
    private static int[] sectionEnd(String t, int from, int to, String name) {
        int depth = 1;
        int i = from;
        while (i < to) {
            int open = t.indexOf("{{", i);
            if (open < 0 || open >= to) {
                break;
            }
            int close = t.indexOf("}}", open);
            if (close < 0) {
                break;
            }
            String tag = t.substring(open + 2, close).strip();
            if ((tag.startsWith("#") || tag.startsWith("^")) && tag.substring(1).strip().equals(name)) {
                depth++;
            } else if (tag.startsWith("/") && tag.substring(1).strip().equals(name)) {
                depth--;
                if (depth == 0) {
                    int after = close + 2;
                    // A section tag alone on its line leaves no blank line behind.
                    if (after < t.length() && t.charAt(after) == '\n') {
                        after++;
                    }
                    return new int[] {open, after};
                }
            }
            i = close + 2;
        }
        throw invalid("“{{#" + name + "}}”缺少结束标记“{{/" + name + "}}”");
    }

    private static Object lookup(List<Map<String, ?>> scopes, String name) {
        for (Map<String, ?> scope : scopes) {
            if (scope.containsKey(name)) {
                return scope.get(name);
            }
        }
        return null;
    }

    private static boolean truthy(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        return !String.valueOf(v).isBlank();
    }

    /** Every line of a value but the first starts literal; the first continues the template's line. */
    private static String literal(String value) {
        return value.replace("\r", "").replace("\n", "\n" + LITERAL);
    }

    private static int line(String t, int at) {
        int n = 1;
        for (int i = 0; i < at; i++) {
            if (t.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static RuleViolation invalid(String what) {
        return RuleViolation.badRequest("TEMPLATE_INVALID", "模板格式有误：" + what + "。");
    }
}
