# syntax=docker/dockerfile:1
#
# attache container image: a static binary on an empty base, running as an
# unprivileged user with its SQLite database on the /data volume.
#
#   docker build -t attache .                     # with network access
#   scripts/build-image.sh                        # offline, buildah (see README)
#
# BUILDER_IMAGE is any image with the Go toolchain of go.mod and /bin/sh; the
# offline script passes one it assembles from the local toolchain.
ARG BUILDER_IMAGE=golang:1.26.8-bookworm

FROM ${BUILDER_IMAGE} AS build
WORKDIR /src
ENV CGO_ENABLED=0 GOTOOLCHAIN=local
# With a vendor/ directory in the context (the offline script makes one) the
# build reads nothing from the network; without one, go build downloads the
# modules go.sum pins.
COPY . .
# The zone database is compiled in (cmd/attache/tzdata.go): the final image
# has no /usr/share/zoneinfo. The goolm tag gives Matrix end-to-end
# encryption with mautrix-go's pure-Go Olm (no libolm, no cgo).
ARG VERSION=""
RUN go build -tags goolm -trimpath -buildvcs=false -ldflags "-s -w -X main.version=${VERSION}" \
        -o /out/attache ./cmd/attache \
    && mkdir -p /out/rootfs/data /out/rootfs/tmp /out/rootfs/etc/ssl/certs \
    && cp /etc/ssl/certs/ca-certificates.crt /out/rootfs/etc/ssl/certs/ \
    && echo 'root:x:0:0:root:/root:/sbin/nologin' >/out/rootfs/etc/passwd \
    && echo 'nonroot:x:65532:65532:attache:/data:/sbin/nologin' >>/out/rootfs/etc/passwd \
    && printf 'root:x:0:\nnonroot:x:65532:\n' >/out/rootfs/etc/group \
    && chmod 1777 /out/rootfs/tmp \
    && chown 65532:65532 /out/rootfs/data

FROM scratch
COPY --from=build /out/rootfs/ /
COPY --from=build /out/attache /attache
USER 65532:65532
# The default SQLite database, attache.db, is relative to the working
# directory: /data/attache.db on the volume. It is deliberately not set as
# ATTACHE_DATABASE_DSN here, because that variable would override both a
# mounted configuration file and DATABASE_URL.
WORKDIR /data
VOLUME ["/data"]
ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
    CMD ["/attache", "healthcheck"]
ENTRYPOINT ["/attache"]
CMD ["run"]
