using System.CommandLine;
using Cadre.Cli.Commands.Db;
using Cadre.Cli.Commands.Planning;
using Cadre.Cli.Commands.Users;
using Cadre.Cli.Infrastructure;
using Cadre.Core.Common;
using Cadre.Core.Data;
using Cadre.Core.Identity;
using Cadre.Core.Consultation;
using Cadre.Core.Drafting;
using Cadre.Core.Finance;
using Cadre.Core.Governance;
using Cadre.Core.Planning;
using Cadre.Core.Results;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

return await Cadre.Cli.CadreCli.RunAsync(args, CliConsole.FromSystemConsole());

namespace Cadre.Cli
{
    /// <summary>The <c>cadre</c> command: <c>cadre &lt;area&gt; &lt;verb&gt;</c>. Tests call <see cref="RunAsync(string[], TextReader, TextWriter, TextWriter, CancellationToken)"/> in-process.</summary>
    public static class CadreCli
    {
        public static Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken ct = default) =>
            RunAsync(args, new CliConsole(stdin, stdout, stderr), handleSignals: false, ct);

        internal static async Task<int> RunAsync(string[] args, CliConsole console, bool handleSignals = true, CancellationToken ct = default)
        {
            var cli = new CliContext(console, AddServices);
            var root = new RootCommand(CliText.Get("Root.Description"));
            cli.AddGlobalOptions(root);

            root.Subcommands.Add(DbCommands.Create(cli));
            root.Subcommands.Add(UsersCommands.Create(cli));
            root.Subcommands.Add(PlanningCommands.Create(cli));
            root.Subcommands.Add(Cadre.Cli.Commands.Drafting.DraftingCommands.Create(cli));
            root.Subcommands.Add(Commands.Results.ResultsCommands.Create(cli));
            root.Subcommands.Add(Cadre.Cli.Commands.Finance.FinanceCommands.Create(cli));
            root.Subcommands.Add(Commands.Governance.GovernanceCommands.Create(cli));
            root.Subcommands.Add(Commands.Consultation.ConsultationCommands.Create(cli));
            root.Subcommands.Add(Commands.Reporting.ReportingCommands.CreateReport(cli));
            root.Subcommands.Add(Commands.Reporting.ReportingCommands.CreateExport(cli));

            return await CommandLine.InvokeAsync(root, args, console, handleSignals, ct);
        }

        /// <summary>The services every command may use; the actor is the person at the terminal, as Admin and Planner.</summary>
        internal static void AddServices(IServiceCollection services, IConfiguration configuration)
        {
            services.AddSingleton(TimeProvider.System);
            services.AddSingleton<ICurrentActor>(new FixedActor("cli:" + Environment.UserName, roles: [Roles.Admin, Roles.Planner]));
            services.AddCadreData(configuration, Environment.CurrentDirectory);
            services.AddCadreIdentityCore();
            services.AddPlanning();
            services.AddResults();
            services.AddDrafting();
            services.AddGovernance();
            services.AddConsultation();
            services.AddFinance();
            Cadre.Core.Reporting.ReportingModule.AddReporting(services);
        }
    }
}
