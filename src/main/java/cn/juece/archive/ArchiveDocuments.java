package cn.juece.archive;

import java.util.List;

import cn.juece.decision.Decision;

/**
 * Documents a feature generates for the archive package (Art. 59), beside the uploaded materials: written as
 * {@code documents/<fileName>}, listed in the manifest with their title and SHA-256 and checked offline like every
 * other file. A feature that generates documents (an opinion letter, a decision document) adds a bean.
 */
public interface ArchiveDocuments {

    /**
     * A generated document: file name (no folders), its title for people, media type and content; details: what the
     * manifest says of it besides (kind, article, the dossier's material version it was stored as, when, by whom).
     */
    record Document(String fileName, String title, String contentType, byte[] bytes, java.util.Map<String, Object> details) {

        public Document(String fileName, String title, String contentType, byte[] bytes) {
            this(fileName, title, contentType, bytes, java.util.Map.of());
        }
    }

    List<Document> documents(Decision decision);
}
