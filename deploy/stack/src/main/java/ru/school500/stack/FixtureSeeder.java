package ru.school500.stack;

/**
 * Loads the two real regional orders at first start, so a new user sees the Irkutsk 2021 and Kirov 2022
 * roadmaps immediately. Filled in with the roadmap importer.
 */
final class FixtureSeeder {

    private FixtureSeeder() {
    }

    static void seedOnce(PlatformStack stack) {
        // the importer (POST /api/roadmaps/import) is not there yet
    }
}
