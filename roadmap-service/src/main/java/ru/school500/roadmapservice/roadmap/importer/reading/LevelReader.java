package ru.school500.roadmapservice.roadmap.importer.reading;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ru.school500.roadmapservice.roadmap.importer.ImportWarning.Code;
import ru.school500.roadmapservice.roadmap.importer.ImportWarning.Location;
import ru.school500.roadmapservice.roadmap.importer.RoadmapPreview.Level;

/**
 * Whether an order approves a regional or a municipal roadmap, and for which municipality, read from the
 * authority that issued it ("Управление образования администрации города Слободского" is municipal,
 * "Министерство образования Кировской области" regional) and, when the authority does not tell, from the
 * titles ("муниципальная дорожная карта …"). Where the signals are missing or disagree the preview says so
 * with {@link Code#LEVEL_UNCERTAIN}; the operator can set level and municipality when importing.
 */
final class LevelReader {

    private static final Pattern LOCAL_GOVERNMENT = Pattern.compile(
            "администраци\\p{L}* (?:(?:город|район|муниципальн|сельск|поселени|округ)|\\p{L}+(?:ского|цкого|ого) "
                    + "(?:муниципального |городского )?(?:района|округа))|муниципальн|городского округа");
    private static final Pattern REGION = Pattern.compile(
            "(?:област|кра[яй]|республик|автономного округа|москв|санкт-петербург|севастопол)");
    private static final Pattern REGIONAL_BODY = Pattern.compile("^(?:министерств|департамент|комитет|управлени"
            + "|агентств|правительств)");
    private static final Pattern MUNICIPAL_TITLE = Pattern.compile("муниципальн\\p{L}* (?:дорожн|план)");
    private static final Pattern REGIONAL_TITLE = Pattern.compile("региональн\\p{L}* (?:дорожн|план)");
    private static final Pattern ADMINISTRATION = Pattern.compile("(?iu)администрации\\s+(.+)$");
    private static final Pattern QUOTED_MUNICIPALITY = Pattern.compile(
            "(?iu)муниципальн\\p{L}* (?:образовани\\p{L}*|округ\\p{L}*|район\\p{L}*) «([^»]+)»");

    /** The level and, for a municipal roadmap, the municipality's name in the nominative. */
    record Result(Level level, String municipality) {
    }

    private LevelReader() {
    }

    static Result read(String authority, String orderTitle, String annexTitle, Warnings warnings) {
        String body = Texts.fold(authority);
        String titles = Texts.fold((orderTitle == null ? "" : orderTitle) + " " + (annexTitle == null ? "" : annexTitle));
        Level byAuthority = null;
        if (!body.isEmpty()) {
            if (LOCAL_GOVERNMENT.matcher(body).find()) {
                byAuthority = Level.MUNICIPAL;
            } else if (REGIONAL_BODY.matcher(body).find() && REGION.matcher(body).find()) {
                byAuthority = Level.REGIONAL;
            }
        }
        Level byTitle = MUNICIPAL_TITLE.matcher(titles).find() ? Level.MUNICIPAL
                : REGIONAL_TITLE.matcher(titles).find() ? Level.REGIONAL : null;
        Level level = byAuthority != null ? byAuthority : byTitle != null ? byTitle : Level.REGIONAL;
        if (byAuthority == null) {
            warnings.add(Code.LEVEL_UNCERTAIN, "Уровень дорожной карты не удалось определить по органу, издавшему "
                    + "распоряжение" + (byTitle == null ? "; принят региональный" : ", он определён по заголовку")
                    + ": проверьте его.", Location.none());
        } else if (byTitle != null && byTitle != byAuthority) {
            warnings.add(Code.LEVEL_UNCERTAIN, "Орган, издавший распоряжение, указывает на " + name(byAuthority)
                    + " дорожную карту, а заголовок — на " + name(byTitle) + "; принят уровень по органу.",
                    Location.none());
        }
        if (level == Level.REGIONAL) {
            return new Result(level, null);
        }
        String municipality = municipality(authority, orderTitle, annexTitle);
        if (municipality == null) {
            warnings.add(Code.LEVEL_UNCERTAIN, "Муниципальная дорожная карта, но муниципальное образование не "
                    + "найдено: укажите его при импорте.", Location.none());
        }
        return new Result(level, municipality);
    }

    private static String municipality(String authority, String orderTitle, String annexTitle) {
        if (authority != null) {
            Matcher administration = ADMINISTRATION.matcher(authority);
            if (administration.find()) {
                return Nominative.of(administration.group(1).strip());
            }
        }
        for (String title : new String[] {orderTitle, annexTitle}) {
            if (title != null) {
                Matcher quoted = QUOTED_MUNICIPALITY.matcher(title);
                if (quoted.find()) {
                    return quoted.group(1).strip();
                }
            }
        }
        return null;
    }

    private static String name(Level level) {
        return level == Level.MUNICIPAL ? "муниципальную" : "региональную";
    }
}
