package org.diplomaticcontacts.imports;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Turns the publisher's visitor text into people: a leading title, a name, and sometimes two
 * people in one string ("President X and Prime Minister Y", or joined with ";"). A part with a
 * title but no name belongs to the next one ("Premier and Prince Sihanouk" is one man).
 */
final class HsgPeople {

    /** A person as the text names them: the title may be unknown (null). */
    record Person(@Nullable String title, String name) {
    }

    private static final List<String> TITLES = List.of("Chairman of the Presidency", "Prime Minister",
            "Acting Prime Minister", "Interim Prime Minister", "Deputy Prime Minister", "Acting President",
            "Interim President", "Provisional President", "President-elect", "President-designate", "Vice President",
            "Chancellor-elect", "Federal Chancellor", "Governor General", "Grand Duchess", "Grand Duke",
            "Crown Prince", "Vice Premier", "General Secretary", "First Secretary", "Chief of State", "Head of State",
            "Junta Member", "Brigadier General", "Lieutenant General", "Foreign Minister", "Secretary-General",
            "Secretary General", "General", "President", "Premier", "King", "Queen", "Chancellor", "Amir", "Emir",
            "Shah", "Emperor", "Empress", "Sultan", "Prince", "Princess", "Pope", "Chairman", "Regent", "Sheikh",
            "Taoiseach")
            .stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();

    private static final Pattern JOINS = Pattern.compile("\\s*;\\s*|\\s+and\\s+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** An honorific the publisher writes sometimes only ("Amir Sheikh Hamad …" / "Amir Hamad …"). */
    private static final Pattern HONORIFIC = Pattern.compile("^(?:(?:sheikh|sheikha|shaikh)-)+");

    private HsgPeople() {
    }

    static List<Person> parse(String visitor) {
        // "President- elect", "President- designate": a hyphen split by a line break
        String text = HsgXml.collapse(visitor).replaceAll("(\\p{L})- (\\p{Ll})", "$1-$2");
        List<Person> people = new ArrayList<>();
        List<String> pendingTitles = new ArrayList<>();
        for (String part : JOINS.split(text)) {
            Person person = titled(part);
            if (person.name().isEmpty()) {
                pendingTitles.add(person.title() == null ? part : person.title());
                continue;
            }
            if (!pendingTitles.isEmpty()) {
                if (person.title() != null) {
                    pendingTitles.add(person.title());
                }
                person = new Person(String.join(" and ", pendingTitles), person.name());
                pendingTitles.clear();
            }
            people.add(person);
        }
        if (people.isEmpty() || !pendingTitles.isEmpty()) {
            // only titles, or titles after the last name: keep the text whole rather than guess
            return List.of(titled(text).name().isEmpty() ? new Person(null, text) : titled(text));
        }
        return people;
    }

    private static Person titled(String part) {
        String lower = part.toLowerCase(Locale.ROOT);
        for (String title : TITLES) {
            String prefix = title.toLowerCase(Locale.ROOT);
            if (lower.equals(prefix)) {
                return new Person(title, "");
            }
            if (lower.startsWith(prefix + " ")) {
                return new Person(title, part.substring(title.length()).strip());
            }
        }
        return new Person(null, part.strip());
    }

    /**
     * The key two spellings of one person share: accents, case, hyphens and punctuation folded
     * ("Jean-Claude Juncker", "Jean Claude Juncker" → "jean-claude-juncker"), and a leading
     * honorific dropped ("Sheikh Hamad bin Khalifa al-Thani" → "hamad-bin-khalifa-al-thani").
     */
    static String key(String name) {
        String folded = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        String slug = NOT_ALPHANUMERIC.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll("-");
        return HONORIFIC.matcher(slug.replaceAll("^-+|-+$", "")).replaceFirst("");
    }

    /**
     * The external id of a person. A name of one word ("Chairman Park", "President-elect Lopez")
     * is too thin to identify anyone across countries, so it is qualified by the country.
     */
    static String externalId(String name, String countryCode) {
        String key = key(name);
        return "hsg-person:" + (key.contains("-") ? key : key + "-" + countryCode.toLowerCase(Locale.ROOT));
    }
}
