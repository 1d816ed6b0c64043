package cn.juece.portal;

import java.util.Locale;

import cn.juece.identity.Directory;

/**
 * The public portal's organ scope (Art. 64): one installation publishes for several deciding organs; a page shows one
 * organ's ({@code ?organ=QQ}) or every organ's records (no parameter). An unknown code is a 404 (ORGAN_NOT_FOUND).
 */
public final class PortalOrgans {

    private PortalOrgans() {
    }

    /** The organ code to scope to, or null for all organs. */
    public static String scope(Directory directory, String organ) {
        if (organ == null || organ.isBlank()) {
            return null;
        }
        return directory.organ(organ.strip().toUpperCase(Locale.ROOT)).code();
    }
}
