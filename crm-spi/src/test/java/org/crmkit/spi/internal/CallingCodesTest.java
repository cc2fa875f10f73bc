package org.crmkit.spi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallingCodesTest {
    @Test
    void regionsSharingACallingCode_shareTheirTrunkPrefix() {
        for (String region : CallingCodes.regions()) {
            String code = CallingCodes.callingCode(region).orElseThrow();
            assertThat(CallingCodes.trunkPrefixOfCode(code)).as(region).contains(CallingCodes.trunkPrefix(region));
        }
    }

    @Test
    void trunkPrefixOfCode_isEmptyForAnUnknownCode() {
        assertThat(CallingCodes.trunkPrefixOfCode("994")).isEmpty();
        assertThat(CallingCodes.trunkPrefixOfCode("7")).contains("8");
        assertThat(CallingCodes.trunkPrefixOfCode("39")).contains("");
    }
}
