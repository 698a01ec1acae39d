package dev.almanac.adapter.http;

import static dev.almanac.adapter.http.testing.Json.object;
import static dev.almanac.adapter.http.testing.Json.wall;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.almanac.adapter.http.testing.ApiServer;
import dev.almanac.adapter.http.testing.JsonHttp;
import dev.almanac.adapter.http.testing.Reply;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST .../ical}: lenient reading, strict storing, a per-component report, idempotent re-import. */
class ICalendarImportRoutesTest {
    private static final String NY = "America/New_York";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String WINDOW = "?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z&limit=500";

    private ApiServer server;
    private JsonHttp ada;
    private String calendar;

    @BeforeEach
    void start() {
        server = ApiServer.start();
        ada = server.signedUp("ada@example.org");
        calendar = ada.post("/v1/calendars", object("name", "Work", "timeZone", NY)).expect(201).header("Location");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Reply importing(JsonHttp who, String path, String text) {
        return who.send("POST", path, HttpRequest.BodyPublishers.ofString(text), "Content-Type", "text/calendar");
    }

    /**
     * Announces a body over the 1 MiB limit and sends none of it: the answer must come from the announcement
     * alone. (Sending the body too made the client race the server closing the connection.)
     */
    private static String ics(String... lines) {
        StringBuilder out = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n");
        for (String line : lines) {
            out.append(line).append("\r\n");
        }
        return out.append("END:VCALENDAR\r\n").toString();
    }

    private List<String> listed(String target) {
        List<String> out = new ArrayList<>();
        ada.get(target + "/events" + WINDOW).expect(200).json().get("items").forEach(i -> out.add(
                i.get("title").asText() + " " + i.get("start") + " " + i.get("end") + " " + i.get("status").asText()));
        return out;
    }

    @Test
    void each_quirk_is_accepted_normalised_and_noted_and_a_reimport_changes_nothing() {
        String file = ics("X-WR-TIMEZONE:Europe/Berlin",
                "BEGIN:VEVENT", "UID:outlook-1", "DTSTART;TZID=W. Europe Standard Time:20260302T090000",
                "DTEND;TZID=W. Europe Standard Time:20260302T100000", "SUMMARY:Outlook meeting", "END:VEVENT",
                "BEGIN:VEVENT", "UID:floating-1", "DTSTART:20260303T090000", "DTEND:20260303T093000",
                "SUMMARY:Floating", "END:VEVENT",
                "BEGIN:VEVENT", "UID:swapped-1", "DTSTART;TZID=America/New_York:20260304T110000",
                "DTEND;TZID=America/New_York:20260304T100000", "SUMMARY:Swapped", "END:VEVENT",
                "BEGIN:VEVENT", "UID:google-1", "DTSTART;VALUE=DATE:20260305", "DTEND;VALUE=DATE:20260306",
                "RRULE:FREQ=WEEKLY;UNTIL=20260319T000000Z", "SUMMARY:Google all-day", "END:VEVENT",
                "BEGIN:VEVENT", "UID:duration-1", "DTSTART:20260306T150000Z", "DURATION:PT45M",
                "SUMMARY:With duration", "END:VEVENT",
                "BEGIN:VEVENT", "UID:bad-zone", "DTSTART;TZID=Mars/Olympus:20260306T090000",
                "DTEND;TZID=Mars/Olympus:20260306T100000", "SUMMARY:Nowhere", "END:VEVENT",
                "BEGIN:VEVENT", "UID:bad-rule", "DTSTART:20260306T090000Z", "DTEND:20260306T100000Z",
                "RRULE:FREQ=MINUTELY", "SUMMARY:Too often", "END:VEVENT",
                "BEGIN:VEVENT", "DTSTART:20260306T090000Z", "SUMMARY:No UID", "END:VEVENT");

        JsonNode report = importing(ada, calendar + "/ical", file).expect(200).json();
        assertThat(report.get("created").asInt()).isEqualTo(5);
        assertThat(report.get("skipped").asInt()).isEqualTo(3);
        List<String> notes = new ArrayList<>();
        report.get("items").forEach(i -> i.path("notes").forEach(n -> notes.add(n.asText())));
        assertThat(notes).contains("Windows zone 'W. Europe Standard Time' read as Europe/Berlin",
                "DTSTART and DTEND were swapped; stored in order");
        List<String> reasons = new ArrayList<>();
        report.get("items").forEach(i -> reasons.add(i.path("reason").asText()));
        assertThat(String.join("|", reasons)).contains("import.zone_unknown", "event.recurrence.frequency_unsupported",
                "import.uid_missing");

        assertThat(listed(calendar)).contains(
                "Outlook meeting {\"dateTime\":\"2026-03-02T09:00:00\",\"timeZone\":\"Europe/Berlin\"}"
                        + " {\"dateTime\":\"2026-03-02T10:00:00\",\"timeZone\":\"Europe/Berlin\"} CONFIRMED",
                "Floating {\"dateTime\":\"2026-03-03T09:00:00\",\"timeZone\":\"Europe/Berlin\"}"
                        + " {\"dateTime\":\"2026-03-03T09:30:00\",\"timeZone\":\"Europe/Berlin\"} CONFIRMED",
                "Swapped {\"dateTime\":\"2026-03-04T10:00:00\",\"timeZone\":\"America/New_York\"}"
                        + " {\"dateTime\":\"2026-03-04T11:00:00\",\"timeZone\":\"America/New_York\"} CONFIRMED",
                "Google all-day {\"date\":\"2026-03-19\"} {\"date\":\"2026-03-20\"} CONFIRMED",
                "With duration {\"dateTime\":\"2026-03-06T15:00:00\",\"timeZone\":\"UTC\"}"
                        + " {\"dateTime\":\"2026-03-06T15:45:00\",\"timeZone\":\"UTC\"} CONFIRMED");

        JsonNode again = importing(ada, calendar + "/ical", file).expect(200).json();
        assertThat(again.get("unchanged").asInt()).isEqualTo(5);
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("updated").asInt()).isZero();
    }

    @Test
    void export_parse_and_reimport_elsewhere_gives_the_same_events() throws Exception {
        String series = ada.post(calendar + "/events", object("title", "Standup", "start",
                wall("2026-03-02T09:00", NY), "end", wall("2026-03-02T09:15", NY), "recurrence",
                MAPPER.createArrayNode().add("RRULE:FREQ=WEEKLY;COUNT=4"))).expect(201).json().get("id").asText();
        ada.patch(calendar + "/events/" + series + "_20260309T090000", object("title", "Retro",
                "status", "CANCELLED")).expect(200);
        ada.post(calendar + "/events", object("title", "Offsite", "start", object("date", "2026-04-01"),
                "end", object("date", "2026-04-03"))).expect(201);
        ada.post(calendar + "/events", object("title", "Flight", "start", wall("2026-05-01T18:00", NY),
                "end", wall("2026-05-02T08:00", "Europe/Berlin"))).expect(201);

        String exported = ada.get(calendar + "/ical").expect(200).body();
        assertThat(new CalendarBuilder().build(new StringReader(exported)).getComponents("VEVENT")).hasSize(4);

        String other = ada.post("/v1/calendars", object("name", "Copy", "timeZone", NY)).expect(201)
                .header("Location");
        JsonNode report = importing(ada, other + "/ical", exported).expect(200).json();
        assertThat(report.get("created").asInt()).isEqualTo(3);
        assertThat(listed(other)).isEqualTo(listed(calendar));

        JsonNode same = importing(ada, calendar + "/ical", exported).expect(200).json();
        assertThat(same.get("unchanged").asInt()).isEqualTo(3);
    }

    @Test
    void an_imported_event_keeps_its_uid_in_exports_and_a_reimport_of_the_export_duplicates_nothing()
            throws Exception {
        String uid = "7kq2a9@google.com";
        String file = ics("BEGIN:VEVENT", "UID:" + uid, "DTSTART;TZID=America/New_York:20260302T090000",
                "DTEND;TZID=America/New_York:20260302T091500", "RRULE:FREQ=WEEKLY;COUNT=3", "SUMMARY:Standup",
                "END:VEVENT",
                "BEGIN:VEVENT", "UID:" + uid, "RECURRENCE-ID;TZID=America/New_York:20260309T090000",
                "DTSTART;TZID=America/New_York:20260309T100000", "DTEND;TZID=America/New_York:20260309T101500",
                "SUMMARY:Standup (late)", "END:VEVENT");
        assertThat(importing(ada, calendar + "/ical", file).expect(200).json().get("created").asInt()).isEqualTo(1);

        String exported = ada.get(calendar + "/ical").expect(200).body();
        var parsed = new CalendarBuilder().build(new StringReader(exported)).getComponents("VEVENT");
        assertThat(parsed).hasSize(2).allSatisfy(c -> assertThat(((net.fortuna.ical4j.model.Component) c)
                .getProperty("UID").orElseThrow().getValue()).isEqualTo(uid));

        JsonNode again = importing(ada, calendar + "/ical", exported).expect(200).json();
        assertThat(again.get("unchanged").asInt()).isEqualTo(1);
        assertThat(again.get("created").asInt()).isZero();
        assertThat(listed(calendar)).hasSize(3);
    }

    @Test
    void a_component_the_domain_refuses_in_part_is_stored_not_at_all_and_named_in_the_report() {
        String tooLong = "x".repeat(1_001);
        String file = ics("BEGIN:VEVENT", "UID:half", "DTSTART:20260302T090000Z", "DTEND:20260302T093000Z",
                "RRULE:FREQ=WEEKLY;COUNT=2", "SUMMARY:Standup", "END:VEVENT",
                "BEGIN:VEVENT", "UID:half", "RECURRENCE-ID:20260304T090000Z", "DTSTART:20260304T100000Z",
                "DTEND:20260304T103000Z", "SUMMARY:Not an occurrence", "END:VEVENT",
                "BEGIN:VEVENT", "UID:" + tooLong, "DTSTART:20260305T090000Z", "DTEND:20260305T093000Z",
                "SUMMARY:Long UID", "END:VEVENT",
                "BEGIN:VEVENT", "UID:fine", "DTSTART:20260306T090000Z", "DTEND:20260306T093000Z",
                "SUMMARY:Fine", "END:VEVENT");

        JsonNode report = importing(ada, calendar + "/ical", file).expect(200).json();

        assertThat(report.get("created").asInt()).isEqualTo(1);
        assertThat(report.get("skipped").asInt()).isEqualTo(2);
        List<String> skipped = new ArrayList<>();
        report.get("items").forEach(i -> {
            if (i.get("result").asText().equals("skipped")) {
                skipped.add(i.get("uid").asText().length() > 10 ? "long: " + i.get("reason").asText()
                        : i.get("uid").asText() + ": " + i.get("reason").asText());
            }
        });
        assertThat(skipped).hasSize(2);
        assertThat(skipped.get(0)).startsWith("half: event.occurrence.not_an_occurrence");
        assertThat(skipped.get(1)).startsWith("long: import.uid_invalid");
        assertThat(listed(calendar)).singleElement().asString().startsWith("Fine ");
    }

    @Test
    void bad_bodies_and_strangers_are_refused() {
        importing(ada, calendar + "/ical", "this is not a calendar").problem(400, "import.unreadable");
        ada.send("POST", calendar + "/ical", HttpRequest.BodyPublishers.ofString(ics()), "Content-Type",
                "application/json").problem(415, "request.unsupported_media_type");
        assertThat(ada.announcingTooLargeABody("POST", calendar + "/ical", "text/calendar", 1_100_000)).startsWith("HTTP/1.1 413")
                .contains("request.body_too_large");
        importing(server.signedUp("eve@example.org"), calendar + "/ical", ics()).problem(404, "calendar.not_found");
        assertThat(importing(ada, calendar + "/ical", ics()).expect(200).json().get("items")).isEmpty();
    }
}
