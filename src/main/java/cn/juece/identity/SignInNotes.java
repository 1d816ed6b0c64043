package cn.juece.identity;

/**
 * Why a password check said no, when the reason is not a wrong password. Camunda's
 * {@code IdentityService.checkPassword} answers only yes or no; a check that goes to the LDAP directory (cn.juece.ldap)
 * notes here, on the checking thread, that the directory could not be reached or that the person belongs to no unit,
 * and {@link IdentityAuthenticationProvider} takes the note right after the check to tell the person what happened.
 */
public final class SignInNotes {

    /** A refusal that is not "wrong user name or password". */
    public enum Outcome {
        /** The directory did not answer (or refused the service account): directory people cannot be checked now. */
        DIRECTORY_UNAVAILABLE,
        /** The directory knows the person and the password, but none of their directory groups maps to a unit. */
        NO_UNIT
    }

    private static final ThreadLocal<Outcome> NOTE = new ThreadLocal<>();

    private SignInNotes() {
    }

    public static void note(Outcome outcome) {
        NOTE.set(outcome);
    }

    /** The note of the last check on this thread, removed; null when there is none. */
    static Outcome take() {
        Outcome outcome = NOTE.get();
        NOTE.remove();
        return outcome;
    }
}
