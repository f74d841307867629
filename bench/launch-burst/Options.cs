using System.Globalization;

namespace GroupBuy.LaunchBurst;

/// <summary>What to run, from the command line. Every stage can be skipped; <c>--quick</c> keeps only the first burst on PostgreSQL.</summary>
internal sealed class Options
{
    public const string Usage = """
        bench/launch-burst/run [options]

        Stages (all run by default):
          --skip-ceiling        no pgbench run of the raw order statement
          --skip-floor          no forged-signature run against the webhook
          --skip-burst          no 2,000-reply burst on PostgreSQL
          --skip-big            no 10,000-reply burst on PostgreSQL
          --skip-sqlite         no burst on SQLite
          --hosts N             also run the burst with N hosts on one PostgreSQL database (round-robin); default 1 = not
          --quick               only the 2,000-reply burst on PostgreSQL (same as skipping the other stages)

        Sizes:
          --replies N --chats N --residents N             the burst (default 2000, 20, 500)
          --big-replies N --big-chats N --big-residents N  the second burst (default 10000, 100, 2500)
          --in-flight N         requests at once (default 50)
          --pgbench-clients N   (default 50)   --pgbench-transactions N  per client (default 400)
          --floor-requests N    forged requests (default 5000)
          --ack-delay N         Ordering:AckDelaySeconds given to the host (default: the host's own, 5)
          --timeout-minutes N   wait for every order at most this long per burst (default 15)

        Paths:
          --host-dll PATH       default src/BotHost/bin/Release/net10.0/GroupBuy.BotHost.dll
          --pg-bin PATH         default /usr/lib/postgresql/15/bin (or GROUPBUY_PG_BIN)
          --keep                keep the temp folder (cluster data, host logs) for a look afterwards
        """;

    public bool Ceiling { get; private set; } = true;

    public bool Floor { get; private set; } = true;

    public bool Burst { get; private set; } = true;

    public bool Big { get; private set; } = true;

    public bool Sqlite { get; private set; } = true;

    public int Hosts { get; private set; } = 1;

    public int Replies { get; private set; } = 2000;

    public int Chats { get; private set; } = 20;

    public int Residents { get; private set; } = 500;

    public int BigReplies { get; private set; } = 10_000;

    public int BigChats { get; private set; } = 100;

    public int BigResidents { get; private set; } = 2500;

    public int InFlight { get; private set; } = 50;

    public int PgbenchClients { get; private set; } = 50;

    public int PgbenchTransactions { get; private set; } = 400;

    public int FloorRequests { get; private set; } = 5000;

    public int? AckDelaySeconds { get; private set; }

    public TimeSpan Timeout { get; private set; } = TimeSpan.FromMinutes(15);

    public string? HostDll { get; private set; }

    public string PgBin { get; private set; } = Environment.GetEnvironmentVariable("GROUPBUY_PG_BIN") ?? "/usr/lib/postgresql/15/bin";

    public bool Keep { get; private set; }

    public bool Help { get; private set; }

    /// <summary>The stages that need the host on PostgreSQL.</summary>
    public bool AnyPostgresHost => Floor || Burst || Big || Hosts > 1;

    public static Options Parse(IReadOnlyList<string> args)
    {
        var options = new Options();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--skip-ceiling": options.Ceiling = false; break;
                case "--skip-floor": options.Floor = false; break;
                case "--skip-burst": options.Burst = false; break;
                case "--skip-big": options.Big = false; break;
                case "--skip-sqlite": options.Sqlite = false; break;
                case "--quick":
                    options.Ceiling = options.Floor = options.Big = options.Sqlite = false;
                    options.Burst = true;
                    options.Hosts = 1;
                    break;
                case "--hosts": options.Hosts = Number(args, ref i, 1, 8); break;
                case "--replies": options.Replies = Number(args, ref i, 1, 1_000_000); break;
                case "--chats": options.Chats = Number(args, ref i, 1, 10_000); break;
                case "--residents": options.Residents = Number(args, ref i, 1, 1_000_000); break;
                case "--big-replies": options.BigReplies = Number(args, ref i, 1, 1_000_000); break;
                case "--big-chats": options.BigChats = Number(args, ref i, 1, 10_000); break;
                case "--big-residents": options.BigResidents = Number(args, ref i, 1, 1_000_000); break;
                case "--in-flight": options.InFlight = Number(args, ref i, 1, 1000); break;
                case "--pgbench-clients": options.PgbenchClients = Number(args, ref i, 1, 200); break;
                case "--pgbench-transactions": options.PgbenchTransactions = Number(args, ref i, 1, 1_000_000); break;
                case "--floor-requests": options.FloorRequests = Number(args, ref i, 1, 1_000_000); break;
                case "--ack-delay": options.AckDelaySeconds = Number(args, ref i, 0, 60); break;
                case "--timeout-minutes": options.Timeout = TimeSpan.FromMinutes(Number(args, ref i, 1, 600)); break;
                case "--host-dll": options.HostDll = Text(args, ref i); break;
                case "--pg-bin": options.PgBin = Text(args, ref i); break;
                case "--keep": options.Keep = true; break;
                case "-h" or "--help": options.Help = true; break;
                default: throw new ArgumentException($"Unknown option '{arg}'. Try --help.");
            }
        }

        return options;
    }

    private static string Text(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count)
        {
            throw new ArgumentException($"{args[i]} needs a value.");
        }

        return args[++i];
    }

    private static int Number(IReadOnlyList<string> args, ref int i, int min, int max)
    {
        var name = args[i];
        var text = Text(args, ref i);
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new ArgumentException($"{name} takes a whole number from {min} to {max}, not '{text}'.");
        }

        return value;
    }
}
