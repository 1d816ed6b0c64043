package cn.juece.expert;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An expert of the pool (Art. 32), or one added to a single matter from outside it ({@code inPool} false,
 * {@code forDecisionId} set). Phone and e-mail are personal information: {@link #withoutContacts()} is what anyone
 * but administrators and the matter's lead unit gets.
 *
 * @param interests    the declared interests, free text
 * @param affiliations the organisations and units the expert is employed by or tied to
 */
public record Expert(long id, String name, String organisation, String title, PanelDraw.Type type, String phone,
                     String email, String interests, List<String> affiliations, List<String> fields, boolean active,
                     boolean inPool, Long forDecisionId, OffsetDateTime updatedAt, boolean contactsShown) {

    public String typeLabel() {
        return type.label();
    }

    /** The same expert with phone and e-mail left out. */
    public Expert withoutContacts() {
        return new Expert(id, name, organisation, title, type, null, null, interests, affiliations, fields, active, inPool,
                forDecisionId, updatedAt, false);
    }

    PanelDraw.Candidate candidate() {
        return new PanelDraw.Candidate(id, type, new java.util.LinkedHashSet<>(fields));
    }
}
