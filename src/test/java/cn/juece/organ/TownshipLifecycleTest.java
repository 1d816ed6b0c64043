package cn.juece.organ;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

import cn.juece.IntegrationTest;
import cn.juece.LifecycleDriver;

/**
 * Art. 64: a sub-district decides its own major matters by reference to the whole procedure. 清泉街道办事处's matter is
 * driven from registration to the archive by its own people over /api, every optional procedure held, each step
 * offered to the township's own groups (the driver asserts the candidate group of every step).
 */
class TownshipLifecycleTest extends IntegrationTest {

    @Test
    void aTownshipMatterGoesFromRegistrationToTheArchiveThroughItsOwnPeople() {
        var d = new LifecycleDriver(port, PASSWORD, LifecycleDriver.TOWNSHIP);
        String n = d.wholeLifecycle("清泉街道老旧街巷路灯改造方案");
        assertThat(n).startsWith("QQ-");
        assertThat(d.status(n)).isEqualTo("ARCHIVED");
        // what the township's dossier carries names its own units and party committee, never the county's (the one
        // exception: sfj_liu, of the county's 司法局, reviews for the township and the audit names his own unit)
        var county = Pattern.compile("县司法局|县政府办公室|县委|县政府公报|冠县人民政府|县政府常务会议|县长");
        List<String> slips = new ArrayList<>();
        Map<String, String> texts = archivedTexts(d.as(d.cast().office()).raw().get().uri("/api/decisions/" + n + "/archive-package")
                .retrieve().body(byte[].class));
        texts.forEach((name, whole) -> {
            String text = name.endsWith("chain.jsonl") ? whole.replace("\"actorUnit\":\"县司法局\"", "")
                    .replace("\"actorRoles\":\"县司法局合法性审查科科员\"", "") : whole;
            var m = county.matcher(text);
            while (m.find()) {
                slips.add(name + ": …" + text.substring(Math.max(0, m.start() - 20), Math.min(text.length(), m.end() + 20)) + "…");
            }
        });
        assertThat(slips).isEmpty();
        assertThat(texts.entrySet().stream().filter(e -> e.getKey().contains("会议纪要")).map(Map.Entry::getValue).findFirst().orElseThrow())
                .contains("清泉街道司法所作合法性审查情况说明");
        assertThat(String.join("\n", texts.values())).contains("向街道党工委请示报告", "清泉街道党政办公室");
    }

    /** Every text of the archive package: plain files as they are, a Word file's XML without its tags; PDFs left out. */
    static Map<String, String> archivedTexts(byte[] zip) {
        Map<String, String> texts = new LinkedHashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] b = in.readAllBytes();
                if (e.getName().endsWith(".docx")) {
                    StringBuilder t = new StringBuilder();
                    try (var docx = new ZipInputStream(new ByteArrayInputStream(b))) {
                        for (var f = docx.getNextEntry(); f != null; f = docx.getNextEntry()) {
                            if (f.getName().endsWith(".xml")) {
                                t.append(new String(docx.readAllBytes(), StandardCharsets.UTF_8).replaceAll("<[^>]+>", ""));
                            }
                        }
                    }
                    texts.put(e.getName(), t.toString());
                } else if (!e.getName().endsWith(".pdf")) {
                    texts.put(e.getName(), new String(b, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return texts;
    }
}
