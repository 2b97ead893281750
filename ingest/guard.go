package ingest

import (
	"fmt"
	"net"
	"net/netip"
	"syscall"
)

// nonPublic lists ranges that are not public unicast beyond what netip's
// predicates cover: carrier-grade NAT, IETF protocol assignments,
// benchmarking, reserved and NAT64 prefixes (a NAT64 address can reach an
// embedded private IPv4 one).
var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("240.0.0.0/4"),
	netip.MustParsePrefix("64:ff9b::/96"),
	netip.MustParsePrefix("64:ff9b:1::/48"),
}

// IsPublic reports whether addr is a public unicast address: not loopback,
// private, link-local, multicast, unspecified, carrier-grade NAT, reserved
// or NAT64 (IPv4-mapped addresses are judged by their IPv4 address). It is
// the test RefusePrivate applies at dial time, exported so that the bot can
// refuse a private URL with a clear answer when it is subscribed.
func IsPublic(addr netip.Addr) bool {
	addr = addr.Unmap() // ::ffff:127.0.0.1 is loopback too
	if !addr.IsValid() || addr.IsUnspecified() || addr.IsLoopback() || addr.IsPrivate() ||
		addr.IsLinkLocalUnicast() || addr.IsLinkLocalMulticast() || addr.IsInterfaceLocalMulticast() ||
		addr.IsMulticast() {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(addr) {
			return false
		}
	}
	return true
}

// refusePrivate is a net.Dialer Control hook. It runs after name
// resolution, on the address actually being connected to, which is what
// makes the check immune to redirects and DNS rebinding.
func refusePrivate(network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return fmt.Errorf("%w: %s", ErrPrivateAddress, address)
	}
	addr, err := netip.ParseAddr(host)
	if err != nil || !IsPublic(addr) {
		return fmt.Errorf("%w: %s", ErrPrivateAddress, host)
	}
	return nil
}
