// Reads an iCalendar feed with ical.js (the parser Thunderbird uses) and prints what a client sees, as JSON.
// Usage: node read-ics.mjs [file.ics]   (standard input when no file is given)
// The Calendar.Service tests call it to check the feed through a real client's eyes.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const text = readFileSync(process.argv[2] ?? 0, "utf8");
const calendar = new ICAL.Component(ICAL.parse(text));

const value = (component, name) => {
  const property = component.getFirstProperty(name);
  return property ? String(property.getFirstValue()) : null;
};

const events = calendar.getAllSubcomponents("vevent").map((vevent) => {
  const event = new ICAL.Event(vevent);
  return {
    uid: event.uid,
    summary: event.summary,
    start: event.startDate.toString(),
    end: event.endDate.toString(),
    isDate: event.startDate.isDate && event.endDate.isDate,
    status: value(vevent, "status"),
    transparency: value(vevent, "transp"),
    categories: vevent.getAllProperties("categories").flatMap((property) => property.getValues().map(String)),
    location: event.location,
    description: event.description,
    sequence: event.sequence,
    dtstamp: value(vevent, "dtstamp"),
    lastModified: value(vevent, "last-modified"),
    url: value(vevent, "url"),
    summaryLanguage: vevent.getFirstProperty("summary")?.getParameter("language") ?? null,
    descriptionLanguage: vevent.getFirstProperty("description")?.getParameter("language") ?? null,
  };
});

const properties = {};
for (const name of ["version", "prodid", "method", "name", "x-wr-calname", "x-wr-caldesc", "refresh-interval", "x-published-ttl"]) {
  properties[name] = value(calendar, name);
}

process.stdout.write(JSON.stringify({ properties, events }));
