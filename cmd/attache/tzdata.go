package main

// The zone database is compiled in (about 450 kB) because the container
// image has no /usr/share/zoneinfo, and channel schedules name zones
// (CRON_TZ=Europe/Paris, timezone: Asia/Tokyo) that must resolve the same
// everywhere the binary runs.
import _ "time/tzdata"
