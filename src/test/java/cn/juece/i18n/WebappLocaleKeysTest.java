package cn.juece.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks our Simplified Chinese translations of the Camunda webapps against the English locale
 * files of the webjar on the classpath, and checks that our overriding {@code scripts/config.js}
 * offers the Chinese locale with English fallback.
 *
 * <p>The locale code is {@code zh}, not {@code zh-CN}: the webapps determine the preferred
 * language as {@code navigator.languages[0].split("-")[0].toLowerCase()} and look that up in
 * {@code availableLocales}, so a {@code zh-CN} browser asks for {@code zh} and loads
 * {@code locales/zh.json}; an entry {@code 'zh-CN'} would never match and fall back to English.
 *
 * <p>Each check runs once per webapp, so a missing or broken file for one app (Cockpit's
 * {@code zh.json} is merged separately) does not hide the results of the others.
 */
class WebappLocaleKeysTest {

    /** The locale code the webapps request for a zh-CN (or zh) browser; see the class comment. */
    static final String ZH = "zh";

    static final String FALLBACK = "en";

    static final String APP_ROOT = "META-INF/resources/webjars/camunda/app/";

    /** Artifact name of the Camunda webjar, as it appears in the URL of its jar. */
    static final String WEBJAR = "camunda-webapp-webjar";

    /** Minimum share of translated values that must contain a Chinese character. */
    static final double MIN_CJK_SHARE = 0.90;

    /** Interpolation placeholders ({@code {{...}}}) and moment.js relative-time slots. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}|%[sd]");

    static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"welcome", "tasklist", "cockpit", "admin"})
    void zhHasExactlyTheEnglishKeys(String app) {
        Map<String, List<String>> en = english(app);
        Map<String, List<String>> zh = chinese(app);

        Set<String> missing = new TreeSet<>(en.keySet());
        missing.removeAll(zh.keySet());
        Set<String> extra = new TreeSet<>(zh.keySet());
        extra.removeAll(en.keySet());
        assertTrue(missing.isEmpty() && extra.isEmpty(), () -> app + ": " + zhPath(app)
                + " does not have the same keys as the webjar's en.json"
                + (missing.isEmpty() ? "" : "\n  missing " + missing.size() + ": " + missing)
                + (extra.isEmpty() ? "" : "\n  extra " + extra.size() + ": " + extra));

        List<String> wrongLength = en.keySet().stream()
                .filter(key -> en.get(key).size() != zh.get(key).size())
                .map(key -> key + " (en " + en.get(key).size() + ", zh " + zh.get(key).size() + ")")
                .toList();
        assertTrue(wrongLength.isEmpty(),
                () -> app + ": arrays whose length differs from en.json: " + wrongLength);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"welcome", "tasklist", "cockpit", "admin"})
    void zhValuesAreNotBlank(String app) {
        Map<String, List<String>> en = english(app);
        Map<String, List<String>> zh = chinese(app);

        // A value may only be blank where the English one is blank too (tasklist's NO_TASK_FORM is "").
        List<String> blank = zh.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(String::isBlank))
                .map(Map.Entry::getKey)
                .filter(key -> !en.containsKey(key) || en.get(key).stream().noneMatch(String::isBlank))
                .sorted()
                .toList();
        assertTrue(blank.isEmpty(), () -> app + ": blank values in " + zhPath(app) + ": " + blank);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"welcome", "tasklist", "cockpit", "admin"})
    void zhKeepsThePlaceholdersOfEachEnglishValue(String app) {
        Map<String, List<String>> en = english(app);
        Map<String, List<String>> zh = chinese(app);

        List<String> wrong = new ArrayList<>();
        en.forEach((key, enValue) -> {
            List<String> zhValue = zh.get(key);
            if (zhValue == null) {
                return; // reported by zhHasExactlyTheEnglishKeys
            }
            Set<String> expected = placeholders(enValue);
            Set<String> actual = placeholders(zhValue);
            if (!expected.equals(actual)) {
                wrong.add(key + ": en " + expected + ", zh " + actual);
            }
        });
        assertTrue(wrong.isEmpty(), () -> app + ": placeholders differ from en.json in "
                + wrong.size() + " values:\n  " + String.join("\n  ", wrong));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"welcome", "tasklist", "cockpit", "admin"})
    void zhIsMostlyChinese(String app) {
        Map<String, List<String>> zh = chinese(app);

        // Numbers (dateLocales.week.dow/doy) are not text and are left out.
        Map<String, List<String>> texts = zh.entrySet().stream()
                .filter(e -> !e.getValue().stream().allMatch(v -> v.matches("-?\\d+")))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<String> notChinese = texts.entrySet().stream()
                .filter(e -> e.getValue().stream().noneMatch(v -> HAN.matcher(v).find()))
                .map(e -> e.getKey() + "=" + e.getValue())
                .sorted()
                .toList();
        double share = 1.0 - (double) notChinese.size() / texts.size();
        assertTrue(share >= MIN_CJK_SHARE, () -> String.format(
                "%s: only %.1f%% of the values in %s contain Chinese (at least %.0f%% expected);"
                        + " values without Chinese characters:%n  %s",
                app, share * 100, zhPath(app), MIN_CJK_SHARE * 100, abbreviate(notChinese, 40)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"welcome", "tasklist", "cockpit", "admin"})
    void configOffersZhWithEnglishFallback(String app) {
        String path = APP_ROOT + app + "/scripts/config.js";
        URL ours = ourResource(path);
        if (ours == null) {
            fail(app + ": our overriding " + path + " is missing from src/main/resources");
        }
        URL first = classLoader().getResource(path);
        assertEquals(ours, first, () -> app + ": " + path + " from the webjar shadows ours on the classpath");

        String js = stripComments(read(ours));
        Matcher available = Pattern.compile("availableLocales\\s*:\\s*\\[([^]]*)]").matcher(js);
        assertTrue(available.find(), () -> app + ": config.js sets no locales.availableLocales");
        List<String> locales = new ArrayList<>();
        Matcher item = Pattern.compile("['\"]([^'\"]*)['\"]").matcher(available.group(1));
        while (item.find()) {
            locales.add(item.group(1));
        }
        assertTrue(locales.contains(ZH) && locales.contains(FALLBACK), () -> app
                + ": config.js availableLocales is " + locales + ", expected it to contain '" + ZH
                + "' and '" + FALLBACK + "'");
        assertFalse(available.find(), () -> app + ": config.js sets availableLocales more than once");

        Matcher fallback = Pattern.compile("fallbackLocale\\s*:\\s*['\"]([^'\"]*)['\"]").matcher(js);
        assertTrue(fallback.find(), () -> app + ": config.js sets no locales.fallbackLocale");
        assertEquals(FALLBACK, fallback.group(1), () -> app + ": config.js fallbackLocale");
    }

    // --- loading -----------------------------------------------------------------------------

    /** The English locale of {@code app}, read from the Camunda webjar on the classpath. */
    static Map<String, List<String>> english(String app) {
        String path = APP_ROOT + app + "/locales/en.json";
        URL url = resources(path).stream()
                .filter(u -> u.toString().contains(WEBJAR))
                .findFirst()
                .orElse(null);
        if (url == null) {
            fail(app + ": " + path + " not found in the " + WEBJAR + " jar on the classpath (found "
                    + resources(path) + ")");
        }
        return flatten(parse(url));
    }

    /** Our Chinese locale of {@code app}, read from our own resources (never from the webjar). */
    static Map<String, List<String>> chinese(String app) {
        String path = zhPath(app);
        URL url = ourResource(path);
        if (url == null) {
            fail(app + ": the Chinese locale file " + path + " is missing from src/main/resources"
                    + " (the webapp would request it for zh browsers and fall back to English)");
        }
        return flatten(parse(url));
    }

    static String zhPath(String app) {
        return APP_ROOT + app + "/locales/" + ZH + ".json";
    }

    /** The copy of {@code path} that is not inside the webjar, or null. */
    static URL ourResource(String path) {
        return resources(path).stream()
                .filter(u -> !u.toString().contains(WEBJAR))
                .findFirst()
                .orElse(null);
    }

    static List<URL> resources(String path) {
        try {
            return Collections.list(classLoader().getResources(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ClassLoader classLoader() {
        return WebappLocaleKeysTest.class.getClassLoader();
    }

    static String read(URL url) {
        try (InputStream in = url.openStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text; // the webjar's en.json have a BOM
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
    }

    static JsonNode parse(URL url) {
        try {
            return MAPPER.readTree(read(url));
        } catch (IOException e) {
            throw new UncheckedIOException("invalid JSON in " + url, e);
        }
    }

    // --- helpers -----------------------------------------------------------------------------

    /**
     * Leaf paths (dot-separated) to their values. Arrays (e.g. dateLocales.months) are leaves whose
     * value is the list of their elements; a scalar is a one-element list.
     */
    static Map<String, List<String>> flatten(JsonNode root) {
        Map<String, List<String>> leaves = new LinkedHashMap<>();
        flatten("", root, leaves);
        return leaves;
    }

    private static void flatten(String path, JsonNode node, Map<String, List<String>> leaves) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), leaves);
            }
        } else if (node.isArray()) {
            List<String> values = new ArrayList<>();
            node.forEach(element -> values.add(element.asText()));
            leaves.put(path, values);
        } else {
            leaves.put(path, List.of(node.asText()));
        }
    }

    /** One item a line, at most {@code max} of them. */
    static String abbreviate(List<String> items, int max) {
        String shown = String.join("\n  ", items.subList(0, Math.min(max, items.size())));
        return items.size() > max ? shown + "\n  ... and " + (items.size() - max) + " more" : shown;
    }

    static Set<String> placeholders(List<String> values) {
        Set<String> found = new TreeSet<>();
        for (String value : values) {
            Matcher m = PLACEHOLDER.matcher(value);
            while (m.find()) {
                found.add(m.group());
            }
        }
        return found;
    }

    /** Removes JavaScript comments, leaving string literals alone. */
    static String stripComments(String js) {
        StringBuilder out = new StringBuilder(js.length());
        int i = 0;
        while (i < js.length()) {
            char c = js.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = i + 1;
                while (end < js.length() && js.charAt(end) != c) {
                    end += js.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, js.length());
                out.append(js, i, end);
                i = end;
            } else if (js.startsWith("//", i)) {
                int end = js.indexOf('\n', i);
                i = end < 0 ? js.length() : end;
            } else if (js.startsWith("/*", i)) {
                int end = js.indexOf("*/", i + 2);
                i = end < 0 ? js.length() : end + 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
