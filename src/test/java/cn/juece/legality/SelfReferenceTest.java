package cn.juece.legality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The legality opinion letter speaks as its reviewer (Art. 46, 64): the county's 司法局 writes 我局, a 司法所 我所. */
class SelfReferenceTest {

    @Test
    void aReviewerNamesItselfByWhatItIs() {
        assertThat(LegalityRecords.selfReference("县司法局")).isEqualTo("我局");
        assertThat(LegalityRecords.selfReference("清泉街道司法所")).isEqualTo("我所");
        assertThat(LegalityRecords.selfReference("镇党政办")).isEqualTo("我办");
        assertThat(LegalityRecords.selfReference("法制审查中心")).isEqualTo("我单位");
        assertThat(LegalityRecords.selfReference(null)).isEqualTo("我单位");
    }
}
