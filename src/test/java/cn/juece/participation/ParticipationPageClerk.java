package cn.juece.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import cn.juece.support.AppClock;
import cn.juece.support.PageSession;

/**
 * A clerk signed in on one decision's participation page: submits a form with the token of the page last seen,
 * follows the redirect (to the page, or back to it with a refusal) and keeps what the page then shows.
 */
class ParticipationPageClerk {

    private final PageSession session;
    private final String path;
    private String html;

    ParticipationPageClerk(int port, String user, String password, String number) throws Exception {
        this.session = new PageSession(port).signIn(user, password);
        this.path = "/decisions/" + number + "/participation";
        open();
    }

    /** The page as it is now. */
    String open() throws Exception {
        var r = session.get(path);
        assertThat(r.statusCode()).isEqualTo(200);
        html = r.body();
        return html;
    }

    /** The page as shown after the last step. */
    String html() {
        return html;
    }

    /** Posts a form of the page (fields already URL-encoded, without the token) and returns the page shown after it. */
    String submit(String action, String fields) throws Exception {
        String form = (fields.isEmpty() ? "" : fields + "&") + "_csrf=" + PageSession.csrf(html);
        return follow(session.post(path + action, form, session.uri(path).toString()));
    }

    /** Uploads a file with the page's upload form for that material and returns the page shown after it. */
    String upload(String type, String anchor, String fileName, String content) throws Exception {
        String boundary = "----juece" + UUID.randomUUID();
        String token = java.net.URLDecoder.decode(PageSession.csrf(html), StandardCharsets.UTF_8);
        var body = new java.io.ByteArrayOutputStream();
        for (String[] field : new String[][] {{"_csrf", token}, {"type", type}, {"anchor", anchor}}) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n" + field[1] + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(cn.juece.support.TestFiles.of(fileName, content));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var r = session.client().send(HttpRequest.newBuilder(session.uri(path + "/materials"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Referer", session.uri(path).toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        return follow(r);
    }

    private String follow(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        String location = r.headers().firstValue("Location").orElseThrow();
        String target = URI.create(location).getRawPath();
        assertThat(target).as("back on the participation page").isEqualTo(path);
        return open();
    }

    /** A card of the page (a hearing, a questionnaire): from the element with that id up to the next card. */
    String card(String id) {
        return between(id, "<div class=\"card\"", "<form class=\"stack card\"", "<h2");
    }

    /** A row of a table (a symposium). */
    String row(String id) {
        return between(id, "</tr>");
    }

    private String between(String id, String... ends) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("element " + id + " on the page").isNotNegative();
        int end = html.length();
        for (String next : ends) {
            int i = html.indexOf(next, start);
            if (i > 0 && i < end) {
                end = i;
            }
        }
        return html.substring(start, end);
    }

    /** The refusal shown on the page, or null. */
    String error() {
        var m = java.util.regex.Pattern.compile("<div class=\"alert error\" role=\"alert\">([^<]*)</div>").matcher(html);
        return m.find() ? m.group(1) : null;
    }

    /** Moves the application's clock (Camunda's ClockUtil, which AppClock reads) to 09:00 that day. */
    static void at(int y, int m, int day) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(y, m, day, 9, 0).atZone(AppClock.ZONE).toInstant()));
    }
}
