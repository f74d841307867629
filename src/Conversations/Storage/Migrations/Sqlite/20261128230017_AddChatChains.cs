using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GroupBuy.Conversations.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddChatChains : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "chat_chains",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    campaign_id = table.Column<long>(type: "INTEGER", nullable: false),
                    group_id = table.Column<long>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chat_chains", x => x.id);
                    table.ForeignKey(
                        name: "fk_chat_chains_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_chat_chains_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_chat_chains_campaign_id_group_id",
                table: "chat_chains",
                columns: new[] { "campaign_id", "group_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_chat_chains_group_id",
                table: "chat_chains",
                column: "group_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "chat_chains");
        }
    }
}
