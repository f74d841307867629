using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GroupBuy.Conversations.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WeComGroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "dismissed_at",
                table: "groups",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "we_com_robot_key",
                table: "groups",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "we_com_route",
                table: "groups",
                type: "TEXT",
                maxLength: 16,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "dismissed_at",
                table: "groups");

            migrationBuilder.DropColumn(
                name: "we_com_robot_key",
                table: "groups");

            migrationBuilder.DropColumn(
                name: "we_com_route",
                table: "groups");
        }
    }
}
