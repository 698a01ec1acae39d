package dev.almanac.adapter.http;

import static dev.almanac.adapter.http.testing.Json.object;
import static dev.almanac.adapter.http.testing.Json.wall;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.almanac.adapter.http.testing.ApiServer;
import dev.almanac.adapter.http.testing.JsonHttp;
import dev.almanac.adapter.http.testing.Reply;
import java.io.StringReader;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET .../ical}: the calendar as RFC 5545, read back with ical4j as an independent parser. */
class ICalendarExportRoutesTest {
    private static final String NY = "America/New_York";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ApiServer server;
    private JsonHttp ada;
    private String calendar;

    @BeforeEach
    void start() {
        server = ApiServer.start();
        ada = server.signedUp("ada@example.org");
        calendar = ada.post("/v1/calendars", object("name", "Work, mostly", "timeZone", NY)).expect(201)
                .header("Location");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Calendar parsed(Reply reply) throws Exception {
        return new CalendarBuilder().build(new StringReader(reply.body()));
    }

    private static String prop(Component component, String name) {
        return component.<Property>getProperty(name).map(Property::getValue).orElse(null);
    }

    private static String line(Component component, String name) {
        return component.<Property>getProperty(name).map(p -> p.toString().strip()).orElse(null);
    }

    @Test
    void series_overrides_all_day_spans_and_two_zone_events_are_exported_with_their_zones() throws Exception {
        String series = ada.post(calendar + "/events", object("title", "Standup; daily, sort of",
                "start", wall("2026-03-02T09:00", NY), "end", wall("2026-03-02T09:15", NY),
                "recurrence", MAPPER.createArrayNode().add("RRULE:FREQ=WEEKLY;COUNT=4")
                        .add("EXDATE;TZID=America/New_York:20260316T090000"))).expect(201).json().get("id").asText();
        ada.patch(calendar + "/events/" + series + "_20260309T090000", object("title", "Retro")).expect(200);
        ada.post(calendar + "/events", object("title", "Offsite", "start", object("date", "2026-04-01"),
                "end", object("date", "2026-04-03"))).expect(201);
        ada.post(calendar + "/events", object("title", "Flight", "description", "Line one\nLine two",
                "start", wall("2026-05-01T18:00", NY), "end", wall("2026-05-02T08:00", "Europe/Berlin"))).expect(201);

        Reply reply = ada.get(calendar + "/ical").expect(200);
        assertThat(reply.header("Content-Type")).startsWith("text/calendar");
        assertThat(reply.body()).contains("\r\n").doesNotContain("\n\n");
        Calendar file = parsed(reply);

        List<String> zones = file.<VTimeZone>getComponents(Component.VTIMEZONE).stream()
                .map(z -> prop(z, Property.TZID)).toList();
        assertThat(zones).containsExactlyInAnyOrder(NY, "Europe/Berlin");
        List<VEvent> events = file.getComponents(Component.VEVENT);
        assertThat(events).hasSize(4);

        VEvent master = events.stream().filter(e -> prop(e, Property.RRULE) != null).findFirst().orElseThrow();
        assertThat(prop(master, Property.UID)).isEqualTo(series + "@almanac");
        assertThat(prop(master, Property.SUMMARY)).isEqualTo("Standup; daily, sort of");
        assertThat(line(master, Property.DTSTART)).isEqualTo("DTSTART;TZID=America/New_York:20260302T090000");
        assertThat(prop(master, Property.RRULE)).isEqualTo("FREQ=WEEKLY;COUNT=4");
        assertThat(line(master, Property.EXDATE)).isEqualTo("EXDATE;TZID=America/New_York:20260316T090000");
        assertThat(prop(master, Property.SEQUENCE)).isEqualTo("1");
        assertThat(prop(master, Property.DTSTAMP)).endsWith("Z");
        assertThat(prop(master, Property.CREATED)).endsWith("Z");
        assertThat(prop(master, Property.LAST_MODIFIED)).endsWith("Z");

        VEvent override = events.stream().filter(e -> prop(e, Property.RECURRENCE_ID) != null).findFirst()
                .orElseThrow();
        assertThat(prop(override, Property.UID)).isEqualTo(series + "@almanac");
        assertThat(line(override, Property.RECURRENCE_ID))
                .isEqualTo("RECURRENCE-ID;TZID=America/New_York:20260309T090000");
        assertThat(prop(override, Property.SUMMARY)).isEqualTo("Retro");

        VEvent offsite = events.stream().filter(e -> "Offsite".equals(prop(e, Property.SUMMARY))).findFirst()
                .orElseThrow();
        assertThat(line(offsite, Property.DTSTART)).isEqualTo("DTSTART;VALUE=DATE:20260401");
        assertThat(line(offsite, Property.DTEND)).isEqualTo("DTEND;VALUE=DATE:20260403");

        VEvent flight = events.stream().filter(e -> "Flight".equals(prop(e, Property.SUMMARY))).findFirst()
                .orElseThrow();
        assertThat(line(flight, Property.DTEND)).isEqualTo("DTEND;TZID=Europe/Berlin:20260502T080000");
        assertThat(prop(flight, Property.DESCRIPTION)).isEqualTo("Line one\nLine two");
    }

    @Test
    void an_unchanged_calendar_answers_304_and_a_change_changes_the_etag() {
        ada.post(calendar + "/events", object("title", "One", "start", wall("2026-05-01T18:00", NY),
                "end", wall("2026-05-01T19:00", NY))).expect(201);
        String etag = ada.get(calendar + "/ical").expect(200).header("ETag");
        assertThat(ada.get(calendar + "/ical", "If-None-Match", etag).status()).isEqualTo(304);
        ada.post(calendar + "/events", object("title", "Two", "start", wall("2026-05-02T18:00", NY),
                "end", wall("2026-05-02T19:00", NY))).expect(201);
        assertThat(ada.get(calendar + "/ical", "If-None-Match", etag).expect(200).header("ETag")).isNotEqualTo(etag);
    }

    @Test
    void another_accounts_calendar_and_a_missing_token_are_refused() {
        JsonHttp eve = server.signedUp("eve@example.org");
        eve.get(calendar + "/ical").problem(404, "calendar.not_found");
        server.client().get(calendar + "/ical").problem(401, "auth.token_missing");
    }
}
