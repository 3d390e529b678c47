import { BrowseView } from '../../features/browse/components/browse-view';

export function HomeRoute() {
  return <BrowseView />;
}
