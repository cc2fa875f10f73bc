package org.crmkit.spi.internal;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Country calling codes (ITU-T E.164 assignments) and national trunk prefixes of the regions crmkit can use as a
 * default region when it normalises a phone number written in national form. Not API.
 */
public final class CallingCodes {
    /** Region (ISO 3166-1 alpha-2) to country calling code. */
    private static final Map<String, String> CODES = Map.ofEntries(
            // North American Numbering Plan
            Map.entry("US", "1"), Map.entry("CA", "1"), Map.entry("PR", "1"),
            // Europe
            Map.entry("AT", "43"), Map.entry("BE", "32"), Map.entry("BG", "359"), Map.entry("CH", "41"),
            Map.entry("CY", "357"), Map.entry("CZ", "420"), Map.entry("DE", "49"), Map.entry("DK", "45"),
            Map.entry("EE", "372"), Map.entry("ES", "34"), Map.entry("FI", "358"), Map.entry("FR", "33"),
            Map.entry("GB", "44"), Map.entry("GR", "30"), Map.entry("HR", "385"), Map.entry("HU", "36"),
            Map.entry("IE", "353"), Map.entry("IS", "354"), Map.entry("IT", "39"), Map.entry("LI", "423"),
            Map.entry("LT", "370"), Map.entry("LU", "352"), Map.entry("LV", "371"), Map.entry("MC", "377"),
            Map.entry("MT", "356"), Map.entry("NL", "31"), Map.entry("NO", "47"), Map.entry("PL", "48"),
            Map.entry("PT", "351"), Map.entry("RO", "40"), Map.entry("RS", "381"), Map.entry("RU", "7"),
            Map.entry("SE", "46"), Map.entry("SI", "386"), Map.entry("SK", "421"), Map.entry("SM", "378"),
            Map.entry("TR", "90"), Map.entry("UA", "380"), Map.entry("VA", "39"), Map.entry("KZ", "7"),
            // Americas
            Map.entry("AR", "54"), Map.entry("BR", "55"), Map.entry("CL", "56"), Map.entry("CO", "57"),
            Map.entry("MX", "52"), Map.entry("PE", "51"), Map.entry("UY", "598"), Map.entry("VE", "58"),
            // Asia and Oceania
            Map.entry("AE", "971"), Map.entry("AU", "61"), Map.entry("CN", "86"), Map.entry("HK", "852"),
            Map.entry("ID", "62"), Map.entry("IL", "972"), Map.entry("IN", "91"), Map.entry("JP", "81"),
            Map.entry("KR", "82"), Map.entry("MY", "60"), Map.entry("NZ", "64"), Map.entry("PH", "63"),
            Map.entry("SA", "966"), Map.entry("SG", "65"), Map.entry("TH", "66"), Map.entry("TW", "886"),
            Map.entry("VN", "84"),
            // Africa
            Map.entry("EG", "20"), Map.entry("KE", "254"), Map.entry("MA", "212"), Map.entry("NG", "234"),
            Map.entry("ZA", "27"));

    private CallingCodes() {
    }

    /** The calling code of {@code region}, if crmkit knows it. */
    public static Optional<String> callingCode(String region) {
        return Optional.ofNullable(CODES.get(region));
    }

    /**
     * The national trunk prefix that is dropped when a national number is written internationally: {@code 1} in
     * the NANP, {@code 8} in Russia and Kazakhstan, {@code 06} in Hungary, none where numbers are dialled the same
     * at home and from abroad (in Italy, San Marino and the Vatican the leading zero is part of the number; Mexico
     * dropped its prefixes in 2019), and {@code 0} elsewhere.
     */
    public static String trunkPrefix(String region) {
        String code = CODES.get(region);
        if ("1".equals(code)) {
            return "1";
        }
        return switch (region) {
            case "RU", "KZ" -> "8";
            case "HU" -> "06";
            case "IT", "SM", "VA", "SG", "HK", "DK", "NO", "IS", "LU", "MT", "CY", "GR", "EE", "LV", "MC", "ES",
                 "PT", "CZ", "PL", "UY", "LI", "MX" -> "";
            default -> "0";
        };
    }

    /**
     * The trunk prefix of the regions with the country calling code {@code code}, if crmkit knows the code (regions
     * that share a code share their trunk prefix).
     */
    public static Optional<String> trunkPrefixOfCode(String code) {
        return CODES.entrySet().stream().filter(e -> e.getValue().equals(code)).findFirst()
                .map(e -> trunkPrefix(e.getKey()));
    }

    /** The international call prefix of {@code region} ({@code 011} in the NANP, {@code 00} elsewhere). */
    public static String internationalPrefix(String region) {
        return "1".equals(CODES.get(region)) ? "011" : "00";
    }

    /** Every region crmkit knows, sorted. */
    public static Set<String> regions() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(CODES.keySet()));
    }
}
