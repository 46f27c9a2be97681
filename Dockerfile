# syntax=docker/dockerfile:1
# The calendar service. Build: docker build -t diplomatic-calendar .   Run: see docker-compose.yml and the README.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files only, so that a code change does not invalidate the package layer.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Calendar.Core/Calendar.Core.csproj src/Calendar.Core/
COPY src/Calendar.Extraction/Calendar.Extraction.csproj src/Calendar.Extraction/
COPY src/Calendar.Service/Calendar.Service.csproj src/Calendar.Service/
RUN dotnet restore src/Calendar.Service/Calendar.Service.csproj
COPY src/ src/
# The reviewed country-name table: Calendar.Core embeds it from docs/, its one home.
COPY docs/i18n/country-names.tsv docs/i18n/
RUN dotnet publish src/Calendar.Service/Calendar.Service.csproj --configuration Release --no-restore --output /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# curl for the health check: the runtime image has neither curl nor wget.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
# The service reads config/ and seeds/ from its working directory; docker-compose.yml mounts the host's over these.
COPY config/ config/
COPY seeds/ seeds/
# State (calendar.db, the outbox, the generated signing secret) lives in a volume, owned by the unprivileged user.
RUN mkdir -p /app/data && chown app:app /app/data
VOLUME /app/data
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Calendar__DataPath=/app/data
EXPOSE 8080
USER app
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD curl --fail --silent --output /dev/null http://localhost:8080/health || exit 1
ENTRYPOINT ["dotnet", "Calendar.Service.dll"]
