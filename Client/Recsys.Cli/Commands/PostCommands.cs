using System.CommandLine;
using Recsys.Grains.Interfaces.Posts;
using Spectre.Console;

namespace Recsys.Cli.Commands;

/// <summary>recsys post create ID --author A --text T [...]</summary>
public static class PostCommands
{
    public static Command Build(CliContext cli)
    {
        var post = new Command("post", "Create a post");
        var id = new Argument<long>("id") { Description = "The post id (positive)" };
        var author = new Option<long>("--author") { Description = "The author's user id", Required = true };
        var text = new Option<string>("--text") { Description = "The text (at most 280 characters)", Required = true };
        var language = new Option<string>("--language") { Description = "ISO 639-1 code", DefaultValueFactory = _ => "en" };
        var replyTo = new Option<long?>("--reply-to") { Description = "The post this replies to" };
        var media = new Option<bool>("--media") { Description = "The post has media" };
        var time = new Option<string?>("--time") { Description = "Creation time, ISO-8601 (default now)" };
        var create = new Command("create", "Create a post (creating it again returns it unchanged)") { id, author, text, language, replyTo, media, time };
        ClientAction.Set(create, cli, async (parse, grains, _) =>
        {
            var postId = parse.GetValue(id);
            var record = new PostRecord(postId, parse.GetValue(author), parse.GetValue(text)!, ClientAction.Time(parse.GetValue(time), "--time"),
                parse.GetValue(language)!, parse.GetValue(media), ReplyToId: parse.GetValue(replyTo));
            var info = await grains.GetGrain<IPostGrain>(postId).Create(record);
            var table = new Table().AddColumns("id", "author", "created", "text");
            table.AddRow($"{info.Id}", $"{info.AuthorId}", info.CreatedAt.ToString("u"), Markup.Escape(info.Text));
            cli.Console.Write(table);
            return ExitCodes.Ok;
        });
        post.Subcommands.Add(create);
        return post;
    }
}
