using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Testing;
using Xunit;

namespace GroupBuy.BotHost.Tests.Groups;

public sealed class GroupApiTests : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private readonly PostgresDatabase database;
    private BotHostFactory host = null!;
    private HttpClient client = null!;

    public GroupApiTests(PostgresDatabase database)
    {
        this.database = database;
    }

    public Task InitializeAsync()
    {
        host = BotHostFactory.OnPostgres(database.ConnectionString);
        client = host.CreateAdminClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private static Uri Groups => new("/api/groups", UriKind.Relative);

    private Task<HttpResponseMessage> PostRawAsync(string json, string contentType = "application/json") =>
        client.PostAsync(Groups, new StringContent(json, Encoding.UTF8, contentType));

    [Fact]
    public async Task Registering_a_group_answers_201_with_its_id_and_location()
    {
        var response = await client.PostAsJsonAsync(Groups, new
        {
            chatId = "wr-room-9",
            channel = "wecom",
            name = "幸福里团购",
            community = "幸福里",
            leaderId = "zhangsan",
            leaderName = "张姐",
            weComRoute = "robot",
            robotKey = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var group = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = group.GetProperty("id").GetInt64();
        Assert.Equal($"/api/groups/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("wecom", group.GetProperty("channel").GetString());
        Assert.Equal("幸福里", group.GetProperty("community").GetString());
        Assert.Equal("robot", group.GetProperty("weComRoute").GetString());
        Assert.True(group.GetProperty("hasRobotKey").GetBoolean());
        Assert.DoesNotContain("693a91f6", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var listed = await client.GetFromJsonAsync<JsonElement>(Groups);
        Assert.Contains(listed.EnumerateArray(), g => g.GetProperty("id").GetInt64() == id);
    }

    [Fact]
    public async Task Missing_fields_are_each_named_and_nothing_is_stored()
    {
        var response = await PostRawAsync("""{"chatId":"room-missing","channel":"gateway"}""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["is required."], problem.FieldErrors("name"));
        Assert.Equal(["is required."], problem.FieldErrors("community"));
        Assert.Equal(["is required."], problem.FieldErrors("leaderId"));
        Assert.Equal(["is required."], problem.FieldErrors("leaderName"));
        Assert.Empty(problem.FieldErrors("chatId"));
        await AssertNotStoredAsync("room-missing");
    }

    [Fact]
    public async Task An_unknown_channel_is_named_with_the_allowed_values()
    {
        var response = await PostRawAsync("""{"chatId":"room-ch","channel":"qq","name":"n","community":"c","leaderId":"l","leaderName":"n"}""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("gateway, wecom", Assert.Single(problem.FieldErrors("channel")), StringComparison.Ordinal);
        Assert.StartsWith("channel:", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertNotStoredAsync("room-ch");
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_names_the_field()
    {
        var response = await PostRawAsync("""{"chatId":"room-type","channel":"gateway","name":5,"community":"c","leaderId":"l","leaderName":"n"}""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors("name"));
        await AssertNotStoredAsync("room-type");
    }

    [Fact]
    public async Task Broken_json_is_a_400_about_the_body()
    {
        var response = await PostRawAsync("""{"chatId":"room-broken", """);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("not valid JSON", Assert.Single(problem.FieldErrors("body")), StringComparison.Ordinal);
        await AssertNotStoredAsync("room-broken");
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused()
    {
        var response = await PostRawAsync("chatId=room-form", "application/x-www-form-urlencoded");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors("body"));
    }

    [Fact]
    public async Task Overlong_values_are_refused_with_the_limit()
    {
        var response = await client.PostAsJsonAsync(Groups, new
        {
            chatId = "room-long",
            channel = "gateway",
            name = "n",
            community = "c",
            leaderId = "l",
            leaderName = new string('李', 65),
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["must be at most 64 characters."], problem.FieldErrors("leaderName"));
        await AssertNotStoredAsync("room-long");
    }

    [Theory]
    [InlineData("""{"chatId":"wr-1","channel":"wecom","name":"n","community":"c","leaderId":"l","leaderName":"n"}""", "weComRoute")]
    [InlineData("""{"chatId":"wr-2","channel":"wecom","name":"n","community":"c","leaderId":"l","leaderName":"n","weComRoute":"fax"}""", "weComRoute")]
    [InlineData("""{"chatId":"wr-3","channel":"wecom","name":"n","community":"c","leaderId":"l","leaderName":"n","weComRoute":"robot"}""", "robotKey")]
    [InlineData("""{"chatId":"wr-4","channel":"wecom","name":"n","community":"c","leaderId":"l","leaderName":"n","weComRoute":"appChat","robotKey":"k"}""", "robotKey")]
    [InlineData("""{"chatId":"wr-5","channel":"gateway","name":"n","community":"c","leaderId":"l","leaderName":"n","weComRoute":"robot"}""", "weComRoute")]
    public async Task WeCom_routes_are_checked(string json, string field)
    {
        var response = await PostRawAsync(json);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors(field));
    }

    [Fact]
    public async Task An_unknown_group_is_a_404_problem()
    {
        var response = await client.GetAsync(new Uri("/api/groups/987654", UriKind.Relative));

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("987654", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task AssertNotStoredAsync(string chatId)
    {
        var listed = await client.GetFromJsonAsync<JsonElement>(Groups);
        Assert.DoesNotContain(listed.EnumerateArray(), g => g.GetProperty("chatId").GetString() == chatId);
    }
}
