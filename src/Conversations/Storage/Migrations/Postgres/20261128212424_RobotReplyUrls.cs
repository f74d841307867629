using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GroupBuy.Conversations.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RobotReplyUrls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "reply_url",
                table: "outbound_messages",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reply_url",
                table: "inbound_messages",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "reply_url",
                table: "outbound_messages");

            migrationBuilder.DropColumn(
                name: "reply_url",
                table: "inbound_messages");
        }
    }
}
