package cn.juece.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReceiptNumbersTest {

    @Test
    void aReceiptIsShownInThreeGroupsAndTypedBackInAnyForm() {
        String r = new ReceiptNumbers().next();
        assertThat(r).hasSize(12);
        String shown = ReceiptNumbers.display(r);
        assertThat(shown).matches("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");
        assertThat(ReceiptNumbers.normalise(shown.toLowerCase().replace("-", " "))).contains(r);
        assertThat(ReceiptNumbers.normalise("ABCD-EFGH-IJK0")).isEmpty();   // I and 0 are not in the alphabet
    }

    @Test
    void somethingElseStoredAsAReceiptIsShownAsItIsRatherThanFailingThePage() {
        // a list of opinions must still render when a row carries another register's number
        assertThat(ReceiptNumbers.display("P-2026-17")).isEqualTo("P-2026-17");
        assertThat(ReceiptNumbers.display(null)).isEmpty();
    }
}
