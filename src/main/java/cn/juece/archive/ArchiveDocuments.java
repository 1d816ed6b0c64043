package cn.juece.archive;

import java.util.List;

import cn.juece.decision.Decision;

/**
 * Documents a feature generates for the archive package (Art. 59), beside the uploaded materials: written as
 * {@code documents/<fileName>}, listed in the manifest with their title and SHA-256 and checked offline like every
 * other file. A feature that generates documents (an opinion letter, a decision document) adds a bean.
 */
public interface ArchiveDocuments {

    /** A generated document: file name (no folders), its title for people, media type and content. */
    record Document(String fileName, String title, String contentType, byte[] bytes) {
    }

    List<Document> documents(Decision decision);
}
