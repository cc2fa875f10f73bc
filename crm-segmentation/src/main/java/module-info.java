/**
 * crmkit's analytic engines: the segment language and its evaluators ({@code org.crmkit.segmentation}) and the
 * scores (RFM, lifetime value, engagement, typical profiles: {@code org.crmkit.scoring}). Internal packages are not
 * exported.
 */
module org.crmkit.segmentation {
    requires transitive org.crmkit.spi;
    requires re2j;
    requires static org.jspecify;

    exports org.crmkit.segmentation;
    exports org.crmkit.scoring;
}
