package ru.school500.elasticsearch.analysis;

import java.util.List;

import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.ListSetting;

/** Settings of {@code platform_word_families}: one family per entry, its words separated by spaces. */
@AnalysisSettings
public interface WordFamilySettings {

    @ListSetting(path = "families")
    List<String> families();
}
