namespace SosRap.Api.Tests.Service;

/// <summary>Base of the service test classes: the fixture (skipping when its database is missing here) and the test's cancellation token.</summary>
public abstract class ServiceTests(ServiceFixture fixture)
{
    protected ServiceFixture Fx
    {
        get
        {
            Assert.SkipWhen(fixture.Unavailable is not null, fixture.Unavailable ?? "");
            return fixture;
        }
    }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A word that no other test uses, for filtering a shared database.</summary>
    protected static string UniqueWord() => "Testikunta" + Guid.NewGuid().ToString("N")[..8];
}
