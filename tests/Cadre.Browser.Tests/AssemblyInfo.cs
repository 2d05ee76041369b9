using Cadre.Browser.Tests.Infrastructure;

// One Chromium for the whole run; the journeys run one at a time (2 shared cores, and each test hosts the app).
[assembly: AssemblyFixture(typeof(BrowserFixture))]
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]
